import type { FazhiModule } from '../core/module.js';
import { orgModule } from './org/index.js';
import { advisorsModule } from './advisors/index.js';
import { decisionsModule } from './decisions/index.js';

/** Every module of the product, in menu order. Add a module here and nowhere else. */
export const modules: FazhiModule[] = [orgModule, advisorsModule, decisionsModule];
