/**
 * The small Markdown subset of lesson narratives, parsed into plain nodes the page renders as text
 * (never as HTML): paragraphs, bulleted and numbered lists, *emphasis*, **strong**, `code` and
 * inline maths between $…$ (typeset by KaTeX, which escapes what it is given). Anything else —
 * tags, links, images — stays literal text.
 */

/** A run of inline content. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'em'; readonly children: readonly Inline[] }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'math'; readonly tex: string };

/** A block: a paragraph, or a list whose items are inline runs. */
export type Block =
  | { readonly kind: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] };

/** The delimiters of inline spans, longest first. */
const SPANS: readonly { readonly open: string; readonly kind: 'strong' | 'em' | 'code' | 'math' }[] = [
  { open: '**', kind: 'strong' },
  { open: '`', kind: 'code' },
  { open: '$', kind: 'math' },
  { open: '*', kind: 'em' },
  { open: '_', kind: 'em' },
];

/** Parses inline content: spans need a closing delimiter on the same text, else they stay literal. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const span = SPANS.find((s) => text.startsWith(s.open, i));
    const close = span ? text.indexOf(span.open, i + span.open.length) : -1;
    // An opening delimiter counts only with content before its twin (so "2 * 3 * 4" mostly stays text).
    if (span && close > i + span.open.length && !/\s/.test(text[i + span.open.length])) {
      flush();
      const inner = text.slice(i + span.open.length, close);
      if (span.kind === 'code') out.push({ kind: 'code', text: inner });
      else if (span.kind === 'math') out.push({ kind: 'math', tex: inner });
      else out.push({ kind: span.kind, children: parseInline(inner) });
      i = close + span.open.length;
    } else {
      plain += text[i];
      i++;
    }
  }
  flush();
  return out;
}

/** A list item's marker: "- ", "* " (bulleted) or "1. " (numbered). */
const ITEM = /^\s*(?:([-*])|(\d{1,3})[.)])\s+(.*)$/;

/** Parses a narrative into blocks: blank lines separate paragraphs; consecutive items make a list. */
export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const item = ITEM.exec(line);
    if (line.trim() === '') {
      endParagraph();
      endList();
    } else if (item) {
      endParagraph();
      const ordered = item[2] !== undefined;
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, items: [] };
      list.items.push(item[3]);
    } else if (list && /^\s+/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`; // an item continued on the next line
    } else {
      endList();
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  endList();
  return blocks;
}
