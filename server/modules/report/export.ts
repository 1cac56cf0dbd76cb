import { renderDocx } from './render/docx.js';
import { docxToPdf } from './render/pdf.js';
import { renderHtml, renderJson, renderMarkdown } from './render/text.js';
import type { Rendered } from './service.js';

/** Output formats of the annual report. */
export const FORMATS = ['docx', 'pdf', 'html', 'md', 'json'] as const;
/** A report format. */
export type Format = (typeof FORMATS)[number];

const TYPES: Record<Format, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Renders an evaluated report in a format: bytes, content type and file name. */
export async function exportReport(r: Rendered, format: Format): Promise<{ data: Buffer; type: string; filename: string }> {
  let data: Buffer;
  switch (format) {
    case 'docx':
      data = await renderDocx(r);
      break;
    case 'pdf':
      data = await docxToPdf(await renderDocx(r));
      break;
    case 'html':
      data = Buffer.from(renderHtml(r));
      break;
    case 'md':
      data = Buffer.from(renderMarkdown(r));
      break;
    case 'json':
      data = Buffer.from(JSON.stringify(renderJson(r), null, 2));
      break;
  }
  return { data, type: TYPES[format], filename: `${r.meta.title}.${format}` };
}
