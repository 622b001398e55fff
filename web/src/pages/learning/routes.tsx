import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import { page } from '../../lazyPage';

/** 学法用法: the signed-in pages under /learning. */
export const learningRoutes: RouteObject[] = [
  { index: true, element: <Navigate to="/learning/sessions" replace /> },
  { path: 'sessions', lazy: page(() => import('./SessionsPage')) },
  { path: 'sessions/new', lazy: page(() => import('./SessionNewPage')) },
  { path: 'sessions/:id', lazy: page(() => import('./SessionDetailPage')) },
  { path: 'import', lazy: page(() => import('./ImportPage')) },
  { path: 'exams', lazy: page(() => import('./ExamsPage')) },
  { path: 'exams/:id', lazy: page(() => import('./ExamDetailPage')) },
  { path: 'exams/:id/import', lazy: page(() => import('./ExamImportPage')) },
  { path: 'entries', lazy: page(() => import('./EntriesPage')) },
  { path: 'trainings', lazy: page(() => import('./TrainingsPage')) },
  { path: 'officers', lazy: page(() => import('./TrainingsPage')) },
  { path: 'reports', lazy: page(() => import('./ReportsPage')) },
];
