// Entry of the Excel reading worker: a worker thread does not inherit the TypeScript loader that the
// main thread registered, so it registers its own before loading worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
