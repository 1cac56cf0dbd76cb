import type { FazhiModule } from '../core/module.js';
import { orgModule } from './org/index.js';
import { documentsModule } from './documents/index.js';

/** Every module of the product, in menu order. Add a module here and nowhere else. */
export const modules: FazhiModule[] = [orgModule, documentsModule];
