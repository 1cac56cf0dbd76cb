import type { FazhiModule } from '../core/module.js';
import { orgModule } from './org/index.js';
import { planModule } from './plan/index.js';
import { learningModule } from './learning/index.js';

/** Every module of the product, in menu order. Add a module here and nowhere else. */
export const modules: FazhiModule[] = [orgModule, planModule, learningModule];
