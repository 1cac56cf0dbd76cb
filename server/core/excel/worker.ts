// Worker thread: reads one sheet of an uploaded xlsx (see read.ts) away from the request thread, under
// its own memory limit, and posts the plain rows back.
import { parentPort, workerData } from 'node:worker_threads';
import { readSheet, type ReadColumn } from './read.js';

const { columns, sheetName, data, maxRows } = workerData as { columns: ReadColumn[]; sheetName: string; data: Uint8Array; maxRows: number };
parentPort!.postMessage(await readSheet(columns, sheetName, data, maxRows));
