// Test helper process for the lock race. Until `endAt`, it keeps trying to take the lock of `dir`;
// when it wins, it holds the lock for a moment and then "dies" by leaving the lock behind with a dead
// pid in it (what a killed server leaves), so the others race to take a stale lock over and over.
import fs from 'node:fs';
import path from 'node:path';
import { acquireDirLock, DataDirLockedError } from '../db/index.js';

const [dir, goFile, deadPid] = process.argv.slice(2);
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const now = () => performance.timeOrigin + performance.now();
// Start barrier: the parent writes the go file (holding the end time) once every child is ready.
console.log('ready');
while (!fs.existsSync(goFile)) sleep(2);
const endAt = Number(fs.readFileSync(goFile, 'utf8'));
let wins = 0;
while (Date.now() < endAt) {
  let release: () => void;
  try {
    release = acquireDirLock(dir);
  } catch (e) {
    if (e instanceof DataDirLockedError) continue;
    // Report and keep racing: a lock that errors is as broken as one that lets two in.
    console.log(JSON.stringify({ pid: process.pid, error: String(e) }));
    continue;
  }
  const from = now();
  sleep(2);
  const to = now();
  fs.writeFileSync(path.join(dir, 'fazhi.lock'), deadPid); // the holder "dies"
  release(); // forgets the lock without removing it (it no longer holds our pid)
  console.log(JSON.stringify({ pid: process.pid, from, to }));
  if (++wins >= 200) break;
}
