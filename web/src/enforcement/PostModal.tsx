import { type StepField, StepModal, type StepValues } from '../ledger/StepModal';
import { useModulePost } from './queries';

/** A modal form that POSTs its body (after `transform`) to `/api/enforcement<path>`. */
export function PostModal(props: {
  name: string;
  title: string;
  path: string;
  fields: StepField[];
  done: string;
  note?: string;
  initialValues?: StepValues;
  transform?: (body: Record<string, unknown>) => Record<string, unknown>;
  open: boolean;
  onClose: () => void;
  onDone?: (answer: unknown) => void;
}) {
  const post = useModulePost<Record<string, unknown>>();
  return (
    <StepModal
      name={props.name}
      title={props.title}
      label={props.title}
      spec={{ dateLabel: null, fields: props.fields, done: props.done, note: props.note }}
      initialValues={props.initialValues}
      submit={async (body) => {
        const answer = await post.mutateAsync({ path: props.path, body: props.transform?.(body) ?? body });
        props.onDone?.(answer);
        return answer;
      }}
      pending={post.isPending}
      open={props.open}
      onClose={props.onClose}
      afterClose={() => undefined}
      width={600}
    />
  );
}

/** "情形 → 幅度" lines to the 裁量基准 rows, and back. */
export function parseDiscretion(text: unknown): { circumstance: string; range: string }[] {
  if (typeof text !== 'string') return [];
  return text
    .split('\n')
    .map((line) => line.split(/→|->|：|:/))
    .filter((parts) => parts.length >= 2 && parts[0]!.trim())
    .map(([c, ...r]) => ({ circumstance: c!.trim(), range: r.join('：').trim() }));
}

export function discretionText(rows: { circumstance: string; range: string }[] | undefined): string {
  return (rows ?? []).map((r) => `${r.circumstance} → ${r.range}`).join('\n');
}
