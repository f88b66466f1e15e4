/**
 * Markdown-lite for notes: **bold**, *italics* (or _italics_), "- " and "1. " lists, [text](url)
 * links and @mentions. It parses into a tree the view renders as React elements, so no text ever
 * becomes HTML; links keep only http(s) and mailto addresses, anything else stays text.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; children: Inline[] }
  | { kind: 'italic'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'mention'; name: string };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

const SAFE_URL = /^(https?:\/\/|mailto:)[^\s<>"']+$/i;

export const safeHref = (url: string) => (SAFE_URL.test(url.trim()) ? url.trim() : null);

/** Inline markup; `names` are the people mentioned, longest first so "Ann Lee" wins over "Ann". */
export function parseInline(text: string, names: string[] = []): Inline[] {
  const sorted = [...names].sort((a, b) => b.length - a.length);
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const bold = /^\*\*(?=\S)([\s\S]*?\S)\*\*/.exec(rest);
    if (bold) {
      flush();
      out.push({ kind: 'bold', children: parseInline(bold[1]!, names) });
      i += bold[0].length;
      continue;
    }
    const italic = /^([*_])(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (italic && (i === 0 || !/\w/.test(text[i - 1]!))) {
      flush();
      out.push({ kind: 'italic', children: parseInline(italic[2]!, names) });
      i += italic[0].length;
      continue;
    }
    const link = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(rest);
    if (link) {
      const href = safeHref(link[2]!);
      flush();
      if (href) out.push({ kind: 'link', href, children: parseInline(link[1]!, names) });
      else out.push({ kind: 'text', text: link[1]! });
      i += link[0].length;
      continue;
    }
    if (rest.startsWith('@') && (i === 0 || /\s|\(/.test(text[i - 1]!))) {
      const name = sorted.find((n) => rest.slice(1, n.length + 1).toLowerCase() === n.toLowerCase());
      if (name) {
        flush();
        out.push({ kind: 'mention', name: rest.slice(1, name.length + 1) });
        i += name.length + 1;
        continue;
      }
    }
    plain += text[i];
    i++;
  }
  flush();
  return out;
}

/** Blocks: paragraphs separated by blank lines, and runs of list lines. */
export function parseNote(body: string, names: string[] = []): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const endParagraph = () => {
    if (paragraph.length)
      blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join('\n'), names) });
    paragraph = [];
  };
  const endList = () => {
    if (list)
      blocks.push({
        kind: 'list',
        ordered: list.ordered,
        items: list.items.map((t) => parseInline(t, names)),
      });
    list = null;
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      endParagraph();
      const ordered = Boolean(numbered && !bullet);
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, items: [] };
      list.items.push(item[1]!);
    } else if (line.trim() === '') {
      endParagraph();
      endList();
    } else {
      endList();
      paragraph.push(line);
    }
  }
  endParagraph();
  endList();
  return blocks;
}
