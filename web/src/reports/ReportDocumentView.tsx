import { createElement, type ReactNode } from 'react';
import { Link } from 'react-router';
import { chineseDate, chineseOrdinal } from './labels';
import type { ReportBlock, ReportDocument, ReportRun } from './types';
import './reports.css';

type HeadingKind = Exclude<ReportBlock['kind'], 'paragraph'>;

/** A number the author typed in a heading is dropped rather than doubled (as the .docx does). */
const HEADING_PREFIX: Record<HeadingKind, RegExp> = {
  heading1: /^\s*[一二三四五六七八九十百零]+[、，,.．]\s*/,
  heading2: /^\s*[（(][一二三四五六七八九十百零]+[）)]\s*/,
  heading3: /^\s*\d+[.．、]\s*/,
};

type Piece = { text: string; figure?: ReportRun['figure'] };

/** A paragraph's runs split at line breaks: each line is a paragraph of its own (as in the .docx). */
function lines(runs: ReportRun[]): Piece[][] {
  const out: Piece[][] = [[]];
  for (const run of runs) {
    run.text.split(/\r?\n/).forEach((piece, i) => {
      if (i > 0) out.push([]);
      if (piece) out[out.length - 1]!.push({ text: piece, figure: run.figure });
    });
  }
  return out.filter((l) => l.length > 0);
}

function FigureRun(props: { piece: Piece; links: boolean }) {
  const { piece, links } = props;
  const drill = piece.figure?.drill;
  if (links && drill) {
    return (
      <Link to={drill} className="report-figure" title="查看台账明细" data-figure={piece.figure?.id}>
        {piece.text}
      </Link>
    );
  }
  return (
    <span className="report-figure-plain" data-figure={piece.figure?.id}>
      {piece.text}
    </span>
  );
}

function runsOf(pieces: Piece[], links: boolean): ReactNode[] {
  return pieces.map((p, i) =>
    p.figure ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity besides their position
      <FigureRun key={i} piece={p} links={links} />
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity besides their position
      <span key={i}>{p.text}</span>
    ),
  );
}

/**
 * The annual report laid out like the official document (GB/T 9704): the title centred, the parts
 * numbered 一、（一）1., paragraphs indented two characters, the signature and date on the right. With
 * `figureLinks`, every figure taken from the ledgers links to its drill-down (the rows behind it).
 */
export function ReportDocumentView(props: {
  document: ReportDocument;
  figureLinks: boolean;
  /** Heading level of the title (its parts go one and two levels below). */
  titleLevel?: 1 | 2 | 3;
  testId?: string;
}) {
  const { document: doc, figureLinks } = props;
  const base = props.titleLevel ?? 2;
  const counters = { heading1: 0, heading2: 0, heading3: 0 };
  const body: ReactNode[] = [];

  doc.blocks.forEach((block, index) => {
    if (block.kind === 'paragraph') {
      lines(block.runs).forEach((line, j) => {
        body.push(
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity besides their position
          <p key={`${index}-${j}`} className="report-doc-paragraph">
            {runsOf(line, figureLinks)}
          </p>,
        );
      });
      return;
    }
    const kind: HeadingKind = block.kind;
    let number: string;
    if (kind === 'heading1') {
      counters.heading1 += 1;
      counters.heading2 = 0;
      counters.heading3 = 0;
      number = `${chineseOrdinal(counters.heading1)}、`;
    } else if (kind === 'heading2') {
      counters.heading2 += 1;
      counters.heading3 = 0;
      number = `（${chineseOrdinal(counters.heading2)}）`;
    } else {
      counters.heading3 += 1;
      number = `${counters.heading3}.`;
    }
    const pieces: Piece[] = block.runs.map((r, i) => {
      const t = r.text.replace(/\s*\r?\n\s*/g, '');
      return { text: i === 0 ? t.replace(HEADING_PREFIX[kind], '') : t, figure: r.figure };
    });
    const level = Math.min(6, base + (kind === 'heading1' ? 1 : kind === 'heading2' ? 2 : 3));
    body.push(
      createElement(
        `h${level}`,
        { key: index, className: `report-doc-${kind}` },
        <span className="report-doc-number">{number}</span>,
        ...runsOf(pieces, figureLinks),
      ),
    );
  });

  return (
    <article className="report-doc" aria-label={`报告正文：${doc.title}`} data-testid={props.testId}>
      {doc.docNumber && <p className="report-doc-number-line">{doc.docNumber}</p>}
      {createElement(
        `h${base}`,
        { className: 'report-doc-title' },
        ...doc.title
          .split(/\r?\n/)
          .filter((l) => l.trim())
          .map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: title lines have no identity besides their position
            <span key={i} className="report-doc-title-line">
              {l}
            </span>
          )),
      )}
      {doc.recipient && <p className="report-doc-recipient">{doc.recipient}</p>}
      {body}
      <div className="report-doc-signature">
        {doc.signature
          .split(/\r?\n/)
          .filter((l) => l.trim())
          .map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: signature lines have no identity besides their position
            <p key={i}>{l.trim()}</p>
          ))}
        <p>{chineseDate(doc.date)}</p>
      </div>
    </article>
  );
}
