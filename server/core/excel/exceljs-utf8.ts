/**
 * A fix for exceljs's streaming reader, loaded before exceljs itself: its XML parser decodes each
 * unzipped chunk on its own (`TextDecoder.decode(chunk)`), so a Chinese character whose three UTF-8
 * bytes straddle two chunks became "���" — 1 to 4 case numbers in a 10,000-row file, silently
 * (exceljs issues #2084, #2316). The replacement below is the same parser fed through one streaming
 * decoder, which carries a split character over to the next chunk.
 *
 * It takes the place of `exceljs/lib/utils/parse-sax.js` in Node's module cache, so every exceljs module
 * that requires it gets this one. It must therefore run before exceljs is first loaded in the process:
 * import it first wherever exceljs is imported for reading (read.ts, which the reading worker loads first,
 * and excel/index.ts).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const target = require.resolve('exceljs/lib/utils/parse-sax.js');

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(iterable: AsyncIterable<Uint8Array | string> & { pipe?: unknown }): AsyncGenerator<SaxEvent[]> {
  const { SaxesParser } = require('saxes') as typeof import('saxes');
  const { PassThrough } = require('readable-stream') as { PassThrough: new () => NodeJS.ReadWriteStream };
  let source: AsyncIterable<Uint8Array | string> = iterable;
  // As exceljs does: an old-style stream is upgraded to an async iterable.
  if (typeof iterable.pipe === 'function' && !(Symbol.asyncIterator in iterable))
    source = (iterable as unknown as NodeJS.ReadableStream).pipe(new PassThrough()) as unknown as AsyncIterable<Uint8Array>;
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on('error', (e: Error) => {
    error = e;
  });
  parser.on('opentag', (value: unknown) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value: unknown) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value: unknown) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of source) {
    // `stream: true` keeps an incomplete trailing character for the next chunk.
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

// When exceljs was loaded first (a test importing it directly), its modules already hold the old parser;
// uploads are read in the worker, which loads this first (worker.ts → read.ts).
if (!require.cache[target]) {
  const Module = require('node:module') as { new (id: string): NodeJS.Module };
  const m = new Module(target);
  m.filename = target;
  m.loaded = true;
  m.exports = parseSax;
  require.cache[target] = m;
}

/** The parser exceljs now uses (exported for the test). */
export const utf8ParseSax = parseSax;
