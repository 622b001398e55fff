import {
  ArrowLeftOutlined,
  AuditOutlined,
  CheckCircleOutlined,
  DeleteOutlined,
  FileWordOutlined,
  GlobalOutlined,
  PlusOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Modal,
  Skeleton,
  Steps,
  Switch,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api';
import { PageError } from '../../components/PageState';
import { useCurrentOrg } from '../../currentOrg';
import { chineseOrdinal, REPORT_STATUS, SECTIONS, STATUS_ORDER, todayIso } from '../../reports/labels';
import { docxHref, type ReportAction, useReport, useReportAction } from '../../reports/queries';
import { ReportDocumentView } from '../../reports/ReportDocumentView';
import { reportPermissions, rolesOver } from '../../reports/roles';
import type { ComposedReport, Narrative, SectionKey, Suggestion } from '../../reports/types';
import { useSession } from '../../session';
import '../../reports/reports.css';

interface Draft {
  title: string;
  narratives: Record<SectionKey, Narrative[]>;
  accepted: string[];
}

function draftOf(report: ComposedReport): Draft {
  const narratives = {} as Record<SectionKey, Narrative[]>;
  for (const s of SECTIONS) {
    narratives[s.key] = (report.narratives[s.key] ?? []).map((n) => ({
      heading: n.heading ?? '',
      text: n.text,
    }));
  }
  return {
    title: report.title,
    narratives,
    accepted: report.suggestions.filter((s) => s.accepted).map((s) => s.key),
  };
}

function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What PUT sends: headings trimmed (an empty one left out). */
function draftBody(draft: Draft) {
  const narratives: Partial<Record<SectionKey, Narrative[]>> = {};
  for (const s of SECTIONS) {
    narratives[s.key] = draft.narratives[s.key].map((n) =>
      n.heading?.trim() ? { heading: n.heading.trim(), text: n.text } : { text: n.text },
    );
  }
  return { title: draft.title.trim(), narratives, acceptedSuggestions: draft.accepted };
}

function runsText(s: Suggestion) {
  return s.runs.map((r, i) =>
    r.figure ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity besides their position
      <Typography.Text key={i} strong>
        {r.text}
      </Typography.Text>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity besides their position
      <span key={i}>{r.text}</span>
    ),
  );
}

function SectionEditor(props: {
  index: number;
  sectionKey: SectionKey;
  title: string;
  items: Narrative[];
  onChange: (items: Narrative[]) => void;
  missing: boolean;
  children?: ReactNode;
  note?: string;
}) {
  const { items, onChange, title } = props;
  const update = (i: number, patch: Partial<Narrative>) =>
    onChange(items.map((n, j) => (j === i ? { ...n, ...patch } : n)));
  return (
    <Card
      size="small"
      title={`${chineseOrdinal(props.index + 1)}、${title}`}
      data-testid={`section-${props.sectionKey}`}
      extra={props.missing ? <Tag color="warning">尚无内容</Tag> : null}
    >
      <Flex vertical gap={10}>
        {props.note && (
          <Typography.Text type="secondary" className="figure-card-note">
            {props.note}
          </Typography.Text>
        )}
        {items.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are edited in place by position
          <fieldset key={i} className="narrative-item" aria-label={`${title} 第${i + 1}段`}>
            <Flex vertical gap={8}>
              <Flex gap={8} align="center">
                <Input
                  aria-label={`${title} 第${i + 1}段小标题`}
                  placeholder="小标题（可选，不写则为正文段落）"
                  value={n.heading}
                  maxLength={60}
                  onChange={(e) => update(i, { heading: e.target.value })}
                />
                <Tooltip title="删除本段">
                  <Button
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除${title}第${i + 1}段`}
                    onClick={() => onChange(items.filter((_, j) => j !== i))}
                  />
                </Tooltip>
              </Flex>
              <Input.TextArea
                aria-label={`${title} 第${i + 1}段正文`}
                placeholder="正文"
                value={n.text}
                autoSize={{ minRows: 3, maxRows: 14 }}
                maxLength={20000}
                onChange={(e) => update(i, { text: e.target.value })}
              />
            </Flex>
          </fieldset>
        ))}
        <div>
          <Button icon={<PlusOutlined />} onClick={() => onChange([...items, { heading: '', text: '' }])}>
            添加段落
          </Button>
        </div>
        {props.children}
      </Flex>
    </Card>
  );
}

function PublishModal(props: {
  open: boolean;
  loading: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const [reviewed, setReviewed] = useState(false);
  return (
    <Modal
      open={props.open}
      title="公开年度报告"
      okText="确认公开"
      cancelText="取消"
      okButtonProps={{ disabled: !reviewed, loading: props.loading }}
      onOk={props.onConfirm}
      onCancel={props.onCancel}
      afterClose={() => setReviewed(false)}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          公开后，报告将在公开平台向社会发布，任何人无需登录即可查看和下载。公开前须对报告内容进行保密审查。
        </Typography.Paragraph>
        <Checkbox checked={reviewed} onChange={(e) => setReviewed(e.target.checked)}>
          已完成保密审查
        </Checkbox>
        {props.error && <Alert type="error" showIcon title={props.error} role="alert" />}
      </Flex>
    </Modal>
  );
}

export default function ReportEditorPage() {
  const { id } = useParams();
  const me = useSession();
  const { parentOf } = useCurrentOrg();
  const { message, modal } = App.useApp();
  const query = useReport(id);
  const report = query.data;
  const action = useReportAction(report?.id ?? 0);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [tab, setTab] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [publishOpen, setPublishOpen] = useState(false);
  const [publishError, setPublishError] = useState<string | null>(null);

  const serverDraft = useMemo(() => (report ? draftOf(report) : null), [report]);
  const perms = useMemo(
    () =>
      report
        ? reportPermissions(rolesOver(me, report.orgCode, parentOf))
        : { write: false, approve: false, publish: false },
    [me, report, parentOf],
  );

  if (query.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (query.isError || !report || !serverDraft) {
    return (
      <Flex vertical gap={16} className="page">
        <Link to="/reports" className="back-link" aria-label="返回年度报告">
          <ArrowLeftOutlined />
        </Link>
        <PageError title="报告加载失败" error={query.error} onRetry={() => query.refetch()} />
      </Flex>
    );
  }

  const current = draft ?? serverDraft;
  const dirty = draft !== null && !sameDraft(draft, serverDraft);
  const editableStatus = report.status === 'draft' || report.status === 'approved';
  const canEdit = perms.write && editableStatus;
  const activeTab = tab ?? (canEdit ? 'edit' : 'preview');
  const today = todayIso();

  /** Runs the action; the server's message (in Chinese) when it refuses, null when it is done. */
  const run = async (a: ReportAction, done: string): Promise<string | null> => {
    setActionError(null);
    try {
      await action.mutateAsync(a);
      if (a.kind === 'save') setDraft(null);
      message.success(done);
      return null;
    } catch (err) {
      const text = errorMessage(err);
      const shown = err instanceof ApiError && err.status === 403 ? `没有权限：${text}` : text;
      setActionError(shown);
      message.error(text);
      return shown;
    }
  };

  const save = () => {
    if (current.title.trim().length < 4) {
      setActionError('报告标题至少4个字');
      return;
    }
    const go = () => run({ kind: 'save', body: draftBody(current) }, '草稿已保存');
    if (report.status === 'approved') {
      modal.confirm({
        title: '保存后报告将退回起草',
        content: '报告已审核，修改后需由领导重新审核才能报送。',
        okText: '保存并退回',
        cancelText: '取消',
        onOk: go,
      });
    } else void go();
  };

  const approve = () =>
    modal.confirm({
      title: '审核通过年度报告',
      content: '请确认已核对报告内容和数据。审核通过后可报送上一级；如再修改，需重新审核。',
      okText: '确认审核',
      cancelText: '取消',
      onOk: () => run({ kind: 'approve' }, '已审核通过'),
    });

  const submit = () =>
    modal.confirm({
      title: '报送年度报告',
      content: '报送后报告将提交上一级，不能再修改。',
      okText: '确认报送',
      cancelText: '取消',
      onOk: () => run({ kind: 'submit' }, '已报送'),
    });

  const publish = async () => {
    setPublishError(null);
    const failed = await run({ kind: 'publish', confidentialityReviewed: true }, '已向社会公开');
    if (failed) setPublishError(failed);
    else setPublishOpen(false);
  };

  const statusIndex = STATUS_ORDER.indexOf(report.status);
  const submitLate = !report.submittedOn && today > report.due.submit;
  const publishLate = !report.publishedOn && today > report.due.publish;
  const blockedByDirty = dirty ? '有未保存的修改，请先保存草稿' : undefined;

  const setSection = (key: SectionKey, items: Narrative[]) =>
    setDraft({ ...current, narratives: { ...current.narratives, [key]: items } });
  const toggleSuggestion = (key: string, on: boolean) =>
    setDraft({
      ...current,
      accepted: on
        ? [...current.accepted.filter((k) => k !== key), key]
        : current.accepted.filter((k) => k !== key),
    });

  const editor = (
    <Flex vertical gap={12}>
      {report.status === 'approved' && (
        <Alert type="info" showIcon title="报告已审核：修改并保存后将退回起草，需重新审核。" />
      )}
      <Card size="small" title="报告标题">
        <Input
          aria-label="报告标题"
          value={current.title}
          maxLength={120}
          onChange={(e) => setDraft({ ...current, title: e.target.value })}
        />
      </Card>
      {SECTIONS.map((s, index) => (
        <SectionEditor
          key={s.key}
          index={index}
          sectionKey={s.key}
          title={s.title}
          items={current.narratives[s.key]}
          onChange={(items) => setSection(s.key, items)}
          missing={report.missingSections.some((m) => m.includes(s.match))}
          note={
            s.key === 'achievements'
              ? '矛盾纠纷、信访等工作的成效段落由系统根据台账生成（见预览），其中的数字随台账更新，点击可查看明细。'
              : undefined
          }
        >
          {s.key === 'shortcomings' && report.suggestions.length > 0 && (
            <Flex vertical gap={8} data-testid="suggestions">
              <Typography.Text strong>根据台账数据发现的不足（采纳后写入报告）</Typography.Text>
              {report.suggestions.map((sg) => {
                const on = current.accepted.includes(sg.key);
                return (
                  <Flex
                    key={sg.key}
                    gap={12}
                    align="flex-start"
                    justify="space-between"
                    className={`suggestion-item${on ? ' suggestion-item-accepted' : ''}`}
                  >
                    <Flex vertical gap={2} style={{ minWidth: 0 }}>
                      <Typography.Text strong>{sg.heading}</Typography.Text>
                      <Typography.Text>{runsText(sg)}</Typography.Text>
                    </Flex>
                    <Switch
                      checked={on}
                      disabled={!canEdit}
                      checkedChildren="采纳"
                      unCheckedChildren="不采纳"
                      aria-label={`采纳：${sg.heading}`}
                      onChange={(v) => toggleSuggestion(sg.key, v)}
                    />
                  </Flex>
                );
              })}
            </Flex>
          )}
        </SectionEditor>
      ))}
    </Flex>
  );

  const preview = (
    <Flex vertical gap={12}>
      {dirty && <Alert type="info" showIcon title="预览为最近保存的版本，保存草稿后更新。" />}
      <ReportDocumentView document={report.document} figureLinks titleLevel={3} testId="report-preview" />
    </Flex>
  );

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={8} wrap="wrap" className="page-heading">
        <Link to="/reports" className="back-link" aria-label="返回年度报告">
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {report.orgName}
          {report.year}年度报告
        </Typography.Title>
        <Tag color={REPORT_STATUS[report.status].color} data-testid="report-status">
          {report.statusLabel}
        </Tag>
      </Flex>

      <Card size="small" title="办理进度">
        <Flex vertical gap={12}>
          <div className="report-steps">
            <Steps
              size="small"
              current={statusIndex}
              status={report.status === 'published' ? 'finish' : 'process'}
              items={[
                { title: '起草' },
                {
                  title: '已审核',
                  content: report.approvedByName ? `审核人：${report.approvedByName}` : undefined,
                },
                { title: '已报送', content: report.submittedOn ?? `期限 ${report.due.submit}` },
                { title: '已公开', content: report.publishedOn ?? `期限 ${report.due.publish}` },
              ]}
            />
          </div>
          <dl className="report-meta">
            <div>
              <dt>报送上一级期限</dt>
              <dd data-testid="due-submit">
                {report.due.submit}
                {report.submittedOn ? (
                  <Tag color="success" style={{ marginLeft: 8 }}>
                    {report.submittedOn}已报送
                  </Tag>
                ) : submitLate ? (
                  <Tag color="error" style={{ marginLeft: 8 }}>
                    已逾期
                  </Tag>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>向社会公开期限</dt>
              <dd data-testid="due-publish">
                {report.due.publish}
                {report.publishedOn ? (
                  <Tag color="success" style={{ marginLeft: 8 }}>
                    {report.publishedOn}已公开
                  </Tag>
                ) : publishLate ? (
                  <Tag color="error" style={{ marginLeft: 8 }}>
                    已逾期
                  </Tag>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>审核人</dt>
              <dd>{report.approvedByName ?? '—'}</dd>
            </div>
          </dl>
        </Flex>
      </Card>

      {report.changedSinceApproval.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="changed-since-approval"
          title={`审核后数据有变化：${report.changedSinceApproval
            .map((c) => `${c.name} ${c.before} → ${c.after}`)
            .join('；')}`}
          description="台账在审核后有更新，报告中的数字已随之变化。请核对；如需修改，保存后须重新审核。"
        />
      )}
      {report.missingSections.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="missing-sections"
          title="以下部分尚无内容，审核前请补充"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {report.missingSections.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      )}
      {actionError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{ onClose: () => setActionError(null) }}
          title={actionError}
          data-testid="report-error"
        />
      )}

      <Flex gap={8} wrap="wrap" className="report-actions" data-testid="report-actions">
        {canEdit && (
          <Button
            type={dirty ? 'primary' : 'default'}
            icon={<SaveOutlined />}
            onClick={save}
            loading={action.isPending && action.variables?.kind === 'save'}
            disabled={!dirty}
          >
            保存草稿
          </Button>
        )}
        {perms.approve && report.status === 'draft' && (
          <Tooltip title={blockedByDirty}>
            <Button
              type="primary"
              icon={<AuditOutlined />}
              onClick={approve}
              disabled={dirty}
              loading={action.isPending && action.variables?.kind === 'approve'}
            >
              审核通过
            </Button>
          </Tooltip>
        )}
        {perms.write && report.status === 'approved' && (
          <Tooltip title={blockedByDirty}>
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={submit}
              disabled={dirty}
              loading={action.isPending && action.variables?.kind === 'submit'}
            >
              报送
            </Button>
          </Tooltip>
        )}
        {perms.publish && report.status === 'submitted' && (
          <Button type="primary" icon={<GlobalOutlined />} onClick={() => setPublishOpen(true)}>
            公开
          </Button>
        )}
        <Button icon={<FileWordOutlined />} href={docxHref(report.id)} download>
          下载 Word
        </Button>
        {report.status === 'published' && (
          <Typography.Text type="success" style={{ alignSelf: 'center' }}>
            <CheckCircleOutlined /> 已在公开平台发布
          </Typography.Text>
        )}
      </Flex>

      <Tabs
        activeKey={activeTab}
        onChange={setTab}
        items={[
          ...(canEdit ? [{ key: 'edit', label: '编辑内容', children: editor }] : []),
          { key: 'preview', label: '预览', children: preview },
        ]}
      />

      <PublishModal
        open={publishOpen}
        loading={action.isPending}
        error={publishError}
        onCancel={() => {
          setPublishOpen(false);
          setPublishError(null);
        }}
        onConfirm={publish}
      />
    </Flex>
  );
}
