/** Kernel 公开征求意见 and 合法性审核, as the API returns them (src/kernel/http/consultation-routes.ts). */

export type ConsultationStatus = 'scheduled' | 'open' | 'closed' | 'published';
export type CommentDecision = '采纳' | '部分采纳' | '不采纳';
export const COMMENT_DECISIONS: CommentDecision[] = ['采纳', '部分采纳', '不采纳'];

export interface Paragraph {
  no: number;
  text: string;
}

export interface ConsultationListItem {
  id: number;
  orgCode: string;
  orgName: string | null;
  module: string;
  entity: string;
  entityId: string;
  title: string;
  opensOn: string;
  closesOn: string;
  shortenedReason: string | null;
  resultsPublishedOn: string | null;
  commentCount: number;
  answeredCount: number;
  status: ConsultationStatus;
  statusLabel: string;
}

export interface StaffComment {
  id: number;
  consultationId: number;
  orgCode: string;
  paragraphNo: number | null;
  text: string;
  authorName: string | null;
  contact: string | null;
  submittedAt: string;
  decision: CommentDecision | null;
  reason: string | null;
  answeredBy: number | null;
  answeredOn: string | null;
}

export interface ConsultationDetail {
  id: number;
  orgCode: string;
  module: string;
  entity: string;
  entityId: string;
  title: string;
  summary: string | null;
  paragraphs: Paragraph[];
  opensOn: string;
  closesOn: string;
  shortenedReason: string | null;
  resultsPublishedOn: string | null;
  adoptionNote: string | null;
  status: ConsultationStatus;
  statusLabel: string;
  today: string;
  can: { manage: boolean; personal: boolean };
  counts: { comments: number; answered: number };
  comments: StaffComment[];
}

export interface PortalConsultationItem {
  id: number;
  orgCode: string;
  orgName: string | null;
  module: string;
  title: string;
  summary: string | null;
  opensOn: string;
  closesOn: string;
  resultsPublishedOn: string | null;
  commentCount: number;
  status: ConsultationStatus;
  statusLabel: string;
}

export interface PortalComment {
  id: number;
  paragraphNo: number | null;
  text: string;
  authorName: string;
  submittedOn: string;
  decision: CommentDecision | null;
  reason: string | null;
}

export interface PortalConsultation {
  id: number;
  orgCode: string;
  orgName: string | null;
  module: string;
  title: string;
  summary: string | null;
  paragraphs: Paragraph[];
  opensOn: string;
  closesOn: string;
  shortenedReason: string | null;
  resultsPublishedOn: string | null;
  adoptionNote: string | null;
  status: ConsultationStatus;
  statusLabel: string;
  commentCount: number;
  comments: PortalComment[];
}

export type LegalReviewResult = '合法' | '修改后合法' | '不合法' | '明示法律风险';

export interface LegalReview {
  id: number;
  orgCode: string;
  module: string;
  entity: string;
  entityId: string;
  title: string;
  submittedOn: string;
  dueOn: string;
  reviewedOn: string | null;
  reviewerId: number | null;
  reviewerName: string | null;
  adviserInvolved: boolean;
  result: LegalReviewResult | null;
  opinion: string | null;
  createdAt: string;
}
