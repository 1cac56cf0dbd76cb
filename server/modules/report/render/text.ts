import type { Rendered, RenderedBlock } from '../service.js';

/** 2021-02-25 → 2021年2月25日 (GB/T 9704: Arabic numerals, full year, no leading zeros). */
export function zhDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** The 发文机关标志 text. */
export const headerText = (r: Rendered) => `${r.meta.issuer}文件`;

/** Markdown: the report as text, structure following the seed report. */
export function renderMarkdown(r: Rendered): string {
  const out: string[] = [];
  out.push(`# ${headerText(r)}`, '');
  const num = r.meta.docNumber || '〔发文字号〕';
  out.push(r.meta.signer ? `${num}　　　　签发人：${r.meta.signer}` : num, '');
  out.push(`## ${r.meta.title}`, '');
  out.push(`${r.meta.addressee}：`, '');
  const para = (b: RenderedBlock) => b.segments.map((s) => (s.bold ? `**${s.text}**` : s.text)).join('').replace(/\*\*\*\*/g, '');
  for (const b of r.blocks) {
    if (b.kind === 'h1') out.push(`### ${para(b)}`, '');
    else out.push(`${b.lead ? `**${b.lead}**` : ''}${para(b)}`, '');
  }
  out.push(`${r.meta.signature}`, '', zhDate(r.meta.issueDate), '', '---', '');
  if (r.meta.cc) out.push(`抄送：${r.meta.cc}`, '');
  out.push(`${r.meta.printOrg}　　${zhDate(r.meta.printDate)}印发`, '');
  return out.join('\n');
}

/** JSON: metadata, blocks and every figure with metric id, value, formatted text and record count. */
export function renderJson(r: Rendered) {
  return {
    report: r.report,
    meta: r.meta,
    frozen: r.frozen,
    figures: Object.values(r.figures).map((f) => ({
      key: f.key, metricId: f.metricId, label: f.label, unit: f.unit, value: f.value, text: f.text, noData: f.noData, recordCount: f.recordCount,
    })),
    blocks: r.blocks.map((b) => ({ id: b.id, kind: b.kind, lead: b.lead, parts: b.parts, text: b.segments.map((s) => s.text).join('') })),
    warnings: r.warnings.map((w) => ({ kind: w.kind, metricId: w.metricId, blockId: w.blockId, message: w.message.zh })),
  };
}

/**
 * Size of the 发文机关标志 in the HTML: at most 34pt, smaller for a long name so it stays on one line
 * within the 156 mm type area (≈ 430 pt usable).
 */
export const issuerPt = (text: string) => Math.min(34, Math.floor(430 / text.length));

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * HTML: a standalone page laid out like the official document (used for the preview and the public
 * portal). With `links`, each figure links to the records behind it.
 */
export function renderHtml(r: Rendered, opts: { links?: (metricId: string) => string } = {}): string {
  const seg = (b: RenderedBlock) =>
    b.segments
      .map((s) => {
        let t = esc(s.text);
        // Only the office's linked preview marks figures; the public page and exports read as plain prose.
        if (s.figure && opts.links) {
          const f = r.figures[s.figure];
          const cls = f.noData ? 'fig nodata' : 'fig';
          t = !f.noData
            ? `<a class="${cls}" href="${esc(opts.links(f.metricId))}" title="${esc(f.label)}（${f.recordCount}条记录）" data-metric="${esc(f.metricId)}">${t}</a>`
            : `<span class="${cls}" title="${esc(f.label)}" data-metric="${esc(f.metricId)}">${t}</span>`;
        }
        return s.bold ? `<b>${t}</b>` : t;
      })
      .join('');
  const body = r.blocks
    .map((b) => (b.kind === 'h1' ? `<h2>${seg(b)}</h2>` : `<p>${b.lead ? `<span class="lead">${esc(b.lead)}</span>` : ''}${seg(b)}</p>`))
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.meta.title)}</title>
<style>
body{margin:0;background:#f3f3f3;font-family:FangSong,"FandolFang","STFangsong","Noto Serif CJK SC","Songti SC",serif;color:#000}
.page{max-width:156mm;margin:24px auto;background:#fff;padding:37mm 26mm 35mm 28mm;box-shadow:0 1px 4px rgba(0,0,0,.15);font-size:16pt;line-height:28.9pt}
.issuer{color:#e00;text-align:center;font-family:"FZXiaoBiaoSong-B05S","Noto Serif CJK SC",serif;font-weight:bold;white-space:nowrap;line-height:1.3;margin:0;text-indent:0}
.numline{display:flex;justify-content:space-between;margin:1.4em 1em 0}
.signer .name{font-family:KaiTi,"AR PL UKai CN",serif}
hr.red{border:0;border-top:2px solid #e00;margin:4mm 0 0}
h1{font-family:"FZXiaoBiaoSong-B05S","Noto Serif CJK SC",serif;font-weight:normal;font-size:22pt;text-align:center;line-height:1.5;margin:2.2em 0 1em}
h2{font-family:SimHei,"Noto Sans CJK SC",sans-serif;font-weight:normal;font-size:16pt;margin:0;text-indent:2em}
p{margin:0;text-indent:2em;text-align:justify}
p.to{text-indent:0}
.lead{font-family:KaiTi,"AR PL UKai CN",serif}
.sign{text-align:right;margin-top:2em;padding-right:4em}
.fig{border-bottom:1px dotted #1677ff;color:inherit;text-decoration:none}
.nodata{color:#c00}
.colophon{margin-top:3em;border-top:1px solid #000;border-bottom:1px solid #000;font-size:14pt;display:flex;justify-content:space-between;padding:0 1em}
</style></head><body><div class="page">
<p class="issuer" style="font-size:${issuerPt(headerText(r))}pt">${esc(headerText(r))}</p>
<div class="numline"><span>${esc(r.meta.docNumber)}</span>${r.meta.signer ? `<span class="signer">签发人：<span class="name">${esc(r.meta.signer)}</span></span>` : ''}</div>
<hr class="red">
<h1>${esc(r.meta.title)}</h1>
<p class="to">${esc(r.meta.addressee)}：</p>
${body}
<p class="sign">${esc(r.meta.signature)}<br>${zhDate(r.meta.issueDate)}</p>
<div class="colophon"><span>${esc(r.meta.printOrg)}</span><span>${zhDate(r.meta.printDate)}印发</span></div>
</div></body></html>`;
}
