import { Button, Card, Checkbox, Col, DatePicker, Flex, Input, Row, Select, Space } from 'antd';
import { toDate } from './dates';
import type { LedgerListState } from './useLedgerList';

export interface FilterSelect {
  /** URL / API parameter. */
  key: string;
  /** Placeholder and accessible name. */
  label: string;
  options: { value: string; label: string }[];
}

/**
 * The filter card of a ledger list: up to three selects, the received-date range (off during a
 * drill-down, whose period rules), a keyword search and 仅… checkboxes — all kept in the URL.
 */
export function LedgerFilters(props: {
  state: LedgerListState;
  selects: FilterSelect[];
  dateLabel: string;
  keywordPlaceholder: string;
  checks: { key: string; label: string }[];
}) {
  const { state } = props;
  const { params, update } = state;
  return (
    <Card size="small" className="filter-card">
      <form
        aria-label="筛选条件"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: state.keyword.trim() });
        }}
      >
        <Row gutter={[12, 12]} align="middle">
          {props.selects.map((s) => (
            <Col key={s.key} xs={8} sm={8} md={6} lg={4}>
              <Select
                aria-label={s.label}
                placeholder={s.label}
                allowClear
                style={{ width: '100%' }}
                value={params.get(s.key) ?? undefined}
                options={s.options}
                onChange={(value?: string) => update({ [s.key]: value })}
              />
            </Col>
          ))}
          <Col xs={24} sm={24} md={12} lg={7}>
            <DatePicker.RangePicker
              aria-label={props.dateLabel}
              style={{ width: '100%' }}
              placeholder={[`${props.dateLabel}起`, `${props.dateLabel}止`]}
              value={state.dateRange ? [state.dateRange[0], state.dateRange[1]] : null}
              disabled={Boolean(state.indicatorId)}
              onChange={(range) => update({ from: toDate(range?.[0]), to: toDate(range?.[1]) })}
            />
          </Col>
          <Col xs={24} sm={24} md={12} lg={5}>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                aria-label="关键词"
                placeholder={props.keywordPlaceholder}
                allowClear
                value={state.keyword}
                onChange={(e) => {
                  state.setKeyword(e.target.value);
                  if (e.target.value === '' && params.get('q')) update({ q: undefined });
                }}
              />
              <Button htmlType="submit" type="primary" ghost>
                搜索
              </Button>
            </Space.Compact>
          </Col>
          <Col xs={24} md={24}>
            <Flex align="center" gap={16} wrap="wrap">
              {props.checks.map((c) => (
                <Checkbox
                  key={c.key}
                  checked={params.get(c.key) === '1'}
                  onChange={(e) => update({ [c.key]: e.target.checked ? '1' : undefined })}
                >
                  {c.label}
                </Checkbox>
              ))}
              <Button type="link" onClick={state.resetFilters} style={{ paddingInline: 0 }}>
                重置筛选
              </Button>
            </Flex>
          </Col>
        </Row>
      </form>
    </Card>
  );
}
