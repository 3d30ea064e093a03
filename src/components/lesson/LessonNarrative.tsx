import { Fragment, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type Inline } from '../../protocol/markdown';
import { Tex } from '../explainer/Tex';

/** Inline nodes as React text and elements (never HTML: a lesson may come from anyone). */
function InlineNodes({ nodes }: { nodes: readonly Inline[] }) {
  return (
    <>
      {nodes.map((node, i) => {
        switch (node.kind) {
          case 'text':
            return <Fragment key={i}>{node.text}</Fragment>;
          case 'em':
            return (
              <em key={i}>
                <InlineNodes nodes={node.children} />
              </em>
            );
          case 'strong':
            return (
              <strong key={i}>
                <InlineNodes nodes={node.children} />
              </strong>
            );
          case 'code':
            return <code key={i}>{node.text}</code>;
          case 'math':
            // KaTeX escapes what it typesets, and runs untrusted (no \href, no HTML extensions).
            return <Tex key={i} formula={{ tex: node.tex, text: node.tex }} display={false} />;
        }
      })}
    </>
  );
}

/** A numbered or a bulleted list. */
function ListTag({ ordered, children }: { ordered: boolean; children: ReactNode }) {
  return ordered ? <ol>{children}</ol> : <ul>{children}</ul>;
}

/**
 * A lesson's narrative: its Markdown subset as paragraphs and lists; `own` marks words a lesson
 * brought itself (`data-lesson-words`), not the catalogue's.
 */
export function LessonNarrative({ text, own = false }: { text: string; own?: boolean }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return (
    <div className="lesson-narrative" data-testid="lesson-narrative" data-lesson-words={own ? '' : undefined}>
      {blocks.map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i}>
            <InlineNodes nodes={block.children} />
          </p>
        ) : (
          <ListTag key={i} ordered={block.ordered}>
            {block.items.map((item, j) => (
              <li key={j}>
                <InlineNodes nodes={item} />
              </li>
            ))}
          </ListTag>
        ),
      )}
    </div>
  );
}
