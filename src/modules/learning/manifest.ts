import type { ModuleManifest } from '../../kernel/module.js';
import { importSessions } from './import.js';
import { learningIndicators } from './indicators.js';
import { SESSION_LEDGER } from './model.js';
import { learningReport } from './report.js';
import { learningRoutes } from './routes.js';
import { learningSamples } from './samples.js';
import { seedLearning } from './seed.js';

const STAFF = ['系统管理员', '镇级管理员', '经办人'] as const;

/** 学法用法: the module's one export. */
export const learningModule: ModuleManifest = {
  id: 'learning',
  title: '学法用法',
  nav: [
    { path: '/learning/sessions', title: '学法活动', icon: 'book' },
    { path: '/learning/exams', title: '学法考试', icon: 'audit' },
    { path: '/learning/trainings', title: '执法人员培训', icon: 'team' },
    { path: '/learning/reports', title: '领导干部述法', icon: 'solution' },
  ],
  permissions: {
    'learning.read': ['系统管理员', '县级监督', '镇级管理员', '经办人', '法律顾问', '领导'],
    'learning.manage': STAFF,
    'learning.import': STAFF,
    'learning.personal': STAFF,
  },
  resources: {
    'learning.session': { table: 'learning_session' },
    'learning.exam': { table: 'learning_exam' },
    'learning.entry': { table: 'learning_exam_entry' },
  },
  models: [SESSION_LEDGER],
  routes: learningRoutes,
  indicators: learningIndicators,
  importLedger: (tx, data, orgCode, actor) => importSessions(tx, data, orgCode, actor),
  report: learningReport,
  reportClaims: [
    // "今年以来我镇参加学法考试干部108名,参考率100%,考试优秀率99%" (seed 002).
    {
      indicator: 'learning.examTakeRate',
      kind: 'rate',
      topic: /学法考试|法治理论考试|学法/,
      metric: '参考率',
    },
    { indicator: 'learning.studyRate', kind: 'rate', topic: /学法|参学/, metric: '参学率' },
    {
      indicator: 'learning.examExcellentRate',
      kind: 'rate',
      topic: /学法考试|法治理论考试/,
      metric: '优秀率',
    },
    // "2022年我镇共组织92人参与法治理论考试,合格率达100%" (seed 003).
    { indicator: 'learning.examPassRate', kind: 'rate', topic: /学法考试|法治理论考试/, metric: '合格率' },
    {
      indicator: 'learning.examSat',
      kind: 'count',
      topic: /学法考试|法治理论考试/,
      verb: /参加|参与|组织|共/,
      unit: /^(名|人)/,
    },
    // "将习近平法治思想作为党委中心组重点学习内容13次" (seed 000).
    { indicator: 'learning.centralGroupSessions', kind: 'count', topic: /中心组/, unit: /^次/ },
    { indicator: 'learning.preMeetingSessions', kind: 'count', topic: /会前学法|常务会/, unit: /^次/ },
    // "举办专题法治讲座101场"; a 法律顾问's lectures are advisers.lectures.
    {
      indicator: 'learning.lectures',
      kind: 'count',
      topic: /专题法治讲座|法治专题讲座|专题讲座/,
      verb: /讲座/,
      unit: /^(场|次)/,
    },
    { indicator: 'learning.lawReports', kind: 'count', topic: /述法/, unit: /^(人次|人|次)/ },
  ],
  samples: learningSamples,
  seedDemo: seedLearning,
};
