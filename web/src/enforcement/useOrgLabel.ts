import { useCurrentOrg } from '../currentOrg';

/** An office's name with its township (“马冲街道 综合行政执法队”): offices share names across townships. */
export function useOrgLabel() {
  const { byCode, parentOf } = useCurrentOrg();
  return (code: string | undefined, name: string | null | undefined): string => {
    const node = code ? byCode.get(code) : undefined;
    const own = name ?? node?.name ?? code ?? '—';
    if (!code || node?.level !== 'office') return own;
    const parent = parentOf.get(code);
    const parentName = parent ? byCode.get(parent)?.name : undefined;
    return parentName ? `${parentName} ${own}` : own;
  };
}
