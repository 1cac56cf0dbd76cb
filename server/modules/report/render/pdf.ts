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

/** Converts a DOCX to PDF with LibreOffice headless; 501 when LibreOffice is not installed. */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
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
    // A private profile dir lets conversions run while another LibreOffice is open.
    await run(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
      timeout: 60_000,
      env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
    });
    return await fs.readFile(path.join(dir, 'report.pdf'));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
