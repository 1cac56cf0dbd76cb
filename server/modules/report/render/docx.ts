import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TabStopType, TextRun,
  Table, TableRow, TableCell, WidthType, TableAnchorType, RelativeHorizontalPosition,
  convertMillimetersToTwip as mm,
} from 'docx';
import type { Rendered, RenderedBlock } from '../service.js';
import { headerText, zhDate } from './text.js';

/**
 * GB/T 9704-2012 layout (REFERENCE §16): A4; 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so right 26 mm,
 * bottom 35 mm); 22 lines of 28 characters: body 3号 (16 pt) 仿宋 at a fixed 28.95 pt pitch (225 mm / 22).
 */
const PAGE = { width: mm(210), height: mm(297), top: mm(37), left: mm(28), right: mm(26), bottom: mm(35) };
const TEXT_WIDTH = mm(156);
const LINE = 579; // twips: 28.95 pt fixed line pitch
const CHAR = 320; // one 3号 character (16 pt) in twips
/** The text is simplified Chinese: without it LibreOffice shapes CJK text with its default Asian locale (Japanese glyph forms). */
const ZH = { value: 'zh-CN', eastAsia: 'zh-CN' };

/** Font families as Chinese offices name them; LibreOffice maps them through fontconfig. */
const FONT = {
  fang: '仿宋_GB2312',
  kai: '楷体_GB2312',
  hei: '黑体',
  song: '宋体',
  biaosong: '方正小标宋简体',
};
const RED = 'FF0000';
const size = (pt: number) => pt * 2; // docx sizes are half-points

const run = (text: string, font: string, pt = 16, extra: Record<string, unknown> = {}) =>
  new TextRun({ text, font: { eastAsia: font, ascii: font === FONT.song ? 'Times New Roman' : font, hAnsi: font }, size: size(pt), language: ZH, ...extra });

const blank = () => new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run('', FONT.fang)] });

function bodyRuns(b: RenderedBlock, font: string) {
  return b.segments.map((s) => run(s.text, font, 16, s.bold ? { bold: true } : {}));
}

/** Page number "— n —", 4号 半角宋体, 7 mm below the text block; odd pages right, even pages left (7.5). */
function pageFooter(align: 'right' | 'left') {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: 'Times New Roman', eastAsia: FONT.song }, size: size(14) })],
      }),
    ],
  });
}

/** The 版记 table, floated to the bottom of the last page's text block. */
function colophon(m: Rendered['meta']) {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const cell = (text: string, align: 'left' | 'right', top: typeof thick, bottom: typeof thick, span = 1) =>
    new TableCell({
      columnSpan: span,
      borders: { top, bottom, left: none, right: none },
      children: [
        new Paragraph({
          alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
          indent: align === 'left' ? { left: 280 } : { right: 280 },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children: [run(text, FONT.fang, 14)],
        }),
      ],
    });
  const rows: TableRow[] = [];
  if (m.cc) rows.push(new TableRow({ children: [cell(`抄送：${m.cc}。`, 'left', thick, thin, 2)] }));
  rows.push(new TableRow({ children: [cell(m.printOrg, 'left', m.cc ? thin : thick, thick), cell(`${zhDate(m.printDate)}印发`, 'right', m.cc ? thin : thick, thick)] }));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH / 2, TEXT_WIDTH / 2],
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
      // From the top of the text block: its height (225 mm) less the table's rows, so the last rule
      // lies on the bottom edge (LibreOffice ignores the relative "bottom" position).
      absoluteVerticalPosition: mm(225) - rows.length * (LINE + 40),
    },
    rows,
  });
}

/** Renders the report as a GB/T 9704 上行文 (red header, 文号 with 签发人, red rule, title, body, 版记). */
export async function renderDocx(r: Rendered): Promise<Buffer> {
  const m = r.meta;
  const children: (Paragraph | Table)[] = [];
  // 发文机关标志: red, centred, 小标宋; its top 35 mm below the top of the text block (7.2.4).
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: mm(35) - 400, after: 0 },
      children: [run(headerText(r), FONT.biaosong, 34, { color: RED })],
    }),
  );
  children.push(blank(), blank());
  // 发文字号 left (空一字) and 签发人 right (空一字) on one line; red rule 4 mm below (7.2.5–7.2.7).
  children.push(
    new Paragraph({
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
      children: [
        run(`　${m.docNumber}`, FONT.fang),
        ...(m.signer ? [run('\t签发人：', FONT.fang), run(m.signer, FONT.kai)] : []),
      ],
    }),
  );
  children.push(blank(), blank());
  // 标题: 2号小标宋, centred (7.3.1).
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [run(m.title, FONT.biaosong, 22)],
    }),
  );
  children.push(blank());
  // 主送机关: 居左顶格, full-width colon (7.3.2).
  children.push(new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(`${m.addressee}：`, FONT.fang)] }));
  // 正文: 3号仿宋, 左空二字; 一、 in 黑体, （一） in 楷体 (7.3.3).
  for (const b of r.blocks) {
    const base = { spacing: { line: LINE, lineRule: LineRuleType.EXACT }, indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.JUSTIFIED };
    if (b.kind === 'h1') children.push(new Paragraph({ ...base, children: bodyRuns(b, FONT.hei) }));
    else children.push(new Paragraph({ ...base, children: [...(b.lead ? [run(b.lead, FONT.kai)] : []), ...bodyRuns(b, FONT.fang)] }));
  }
  // 署名 (右空二字) and 成文日期 (首字比署名首字右移二字) (7.3.5).
  children.push(blank());
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 2 * CHAR }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(m.signature, FONT.fang)] }));
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(3.5 * CHAR) }, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [run(zhDate(m.issueDate), FONT.fang)] }));
  children.push(blank(), blank());
  // 版记: 抄送 and 印发机关/印发日期 in 4号仿宋 between thick first and last rules, the last rule on the
  // bottom edge of the text block of the last page (7.4): a table floated to the bottom of the margin.
  children.push(colophon(m), new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT }, children: [] }));

  const doc = new Document({
    creator: 'Fazhi 法治政府建设综合管理平台',
    title: m.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { eastAsia: FONT.fang, ascii: FONT.fang, hAnsi: FONT.fang }, size: size(16), language: ZH } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: mm(28) - 400, header: mm(15) },
          },
          grid: { linePitch: LINE },
        },
        footers: { default: pageFooter('right'), even: pageFooter('left') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
