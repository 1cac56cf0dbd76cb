import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../core/errors/index.js';

/** fontconfig file mapping 仿宋_GB2312/楷体_GB2312/黑体/小标宋 to installed fonts. */
const FONTS_CONF = fileURLToPath(new URL('./fonts/fonts.conf', import.meta.url));

const run = promisify(execFile);

/** The LibreOffice binary if installed (Debian: `apt-get install libreoffice-writer-nogui`). */
export async function findSoffice(): Promise<string | null> {
  for (const p of [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) {
    if (!p) continue;
    try {
      await fs.access(p);
      return p;
    } catch {
      /* next */
    }
  }
  return null;
}

/**
 * One LibreOffice profile for the process, kept between conversions: creating a profile is most of a cold
 * conversion's time (measured here: 9.5 s with a fresh profile, 1.2–5 s with a kept one, the rest LibreOffice's
 * start). A profile cannot be shared by two LibreOffice processes, so conversions queue on it.
 */
const PROFILE = path.join(os.tmpdir(), `fazhi-lo-profile-${process.pid}`);
let queue: Promise<unknown> = Promise.resolve();

/** Converts a DOCX to PDF with LibreOffice headless (one at a time on the kept profile); 501 when LibreOffice is not installed. */
export function docxToPdf(docx: Buffer): Promise<Buffer> {
  const next = queue.then(() => convert(docx));
  queue = next.catch(() => undefined);
  return next;
}

async function convert(docx: Buffer): Promise<Buffer> {
  const soffice = await findSoffice();
  if (!soffice)
    throw new AppError(501, 'PDF_UNAVAILABLE', {
      zh: '服务器未安装 LibreOffice，暂不能生成 PDF（安装 libreoffice-writer-nogui 后可用），请下载 Word 版本',
      en: 'LibreOffice is not installed (libreoffice-writer-nogui); download the DOCX instead',
    });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fazhi-pdf-'));
  try {
    const input = path.join(dir, 'report.docx');
    await fs.writeFile(input, docx);
    // A private profile (this process's) lets conversions run while another LibreOffice is open.
    await run(soffice, [`-env:UserInstallation=file://${PROFILE}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
      timeout: 60_000,
      env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
    });
    return await fs.readFile(path.join(dir, 'report.pdf'));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
