import type { ReactNode } from 'react';
import { type Block, type Inline, parseNote } from './markdown';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    const key = `${n.kind}-${i}`;
    switch (n.kind) {
      case 'text':
        return <span key={key}>{n.text}</span>;
      case 'bold':
        return <strong key={key}>{inline(n.children)}</strong>;
      case 'italic':
        return <em key={key}>{inline(n.children)}</em>;
      case 'link':
        return (
          <a key={key} href={n.href} rel="noopener noreferrer nofollow" target="_blank">
            {inline(n.children)}
          </a>
        );
      case 'mention':
        return (
          <span key={key} className="mention">
            @{n.name}
          </span>
        );
      default:
        return null;
    }
  });
}

function block(b: Block, i: number) {
  if (b.kind === 'paragraph') return <p key={`p-${i}`}>{inline(b.children)}</p>;
  // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their place
  const items = b.items.map((item, j) => <li key={`li-${j}`}>{inline(item)}</li>);
  return b.ordered ? <ol key={`ol-${i}`}>{items}</ol> : <ul key={`ul-${i}`}>{items}</ul>;
}

/** A note's Markdown-lite as React elements: text stays text, whatever it holds. */
export function NoteText({ body, names }: { body: string; names: string[] }) {
  return <div className="note-text">{parseNote(body, names).map(block)}</div>;
}
