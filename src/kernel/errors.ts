/** Error codes, their HTTP status and Chinese message, in one table. */
export const ERRORS = {
  UNAUTHENTICATED: [401, '请先登录'],
  SESSION_EXPIRED: [401, '会话已超时,请重新登录'],
  INVALID_CREDENTIALS: [401, '用户名或密码错误'],
  ACCOUNT_LOCKED: [423, '密码连续错误次数过多,账户已锁定,请15分钟后再试'],
  ACCOUNT_DISABLED: [403, '账户已停用'],
  CSRF_FAILED: [403, '请求缺少有效的安全令牌(CSRF),请刷新页面后重试'],
  FORBIDDEN: [403, '当前角色无权执行此操作'],
  NOT_FOUND: [404, '记录不存在或不在您的管辖范围内'],
  ROUTE_NOT_FOUND: [404, '接口不存在'],
  INVALID_JSON: [400, '请求体不是有效的 JSON'],
  VALIDATION_FAILED: [400, '提交的数据不符合要求'],
  INVALID_ORG_CODE: [400, '组织代码无效'],
  INVALID_DATE: [400, '日期无效'],
  WEAK_PASSWORD: [400, '密码强度不足:至少8位,且包含大写字母、小写字母、数字、符号中的至少3类'],
  WRONG_PASSWORD: [400, '原密码不正确'],
  DUPLICATE: [409, '记录已存在'],
  CONFLICT: [409, '数据已被他人修改,请刷新后重试'],
  INVALID_TRANSITION: [409, '当前状态下不能执行此操作'],
  BODY_TOO_LARGE: [413, '提交的内容过大'],
  FILE_TOO_LARGE: [413, '文件超过大小限制'],
  FILE_TYPE_NOT_ALLOWED: [415, '不支持的文件类型'],
  UNSUPPORTED_MEDIA_TYPE: [415, '不支持的请求内容类型'],
  RATE_LIMITED: [429, '请求过于频繁,请稍后再试'],
  DATA_DIR_LOCKED: [503, '数据目录正被另一个进程使用'],
  INTERNAL: [500, '服务器内部错误'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    const [status, defaultMessage] = ERRORS[code];
    super(message ?? defaultMessage);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
