// Storage's error shape: the body is {statusCode (a string), code, error, message}; the HTTP status is
// 400 for every client error and 500 for server errors, as Supabase Storage answers (the real
// status travels in `statusCode`). A few errors carry their own HTTP status (403 for JWT roles).
import { isPgError } from '../db/types.ts';

export class StorageApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errorName?: string,
    /** HTTP status sent; defaults to 400 (500 for server errors). */
    readonly httpStatus = status === 500 ? 500 : 400,
  ) {
    super(message);
  }

  body() {
    return { statusCode: String(this.status), code: this.code, error: this.errorName ?? this.code, message: this.message };
  }
}

export const errors = {
  noSuchBucket: () => new StorageApiError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  noSuchKey: () => new StorageApiError(404, 'NoSuchKey', 'Object not found', 'not_found'),
  invalidKey: (key: string) => new StorageApiError(400, 'InvalidKey', `Invalid key: ${key}`),
  invalidBucketName: () => new StorageApiError(400, 'InvalidBucketName', 'Bucket name invalid', 'Invalid Input'),
  accessDenied: (message = 'Access denied') => new StorageApiError(403, 'AccessDenied', message, 'Unauthorized'),
  duplicate: () => new StorageApiError(409, 'ResourceAlreadyExists', 'The resource already exists', 'Duplicate'),
  keyAlreadyExists: () => new StorageApiError(409, 'KeyAlreadyExists', 'The resource already exists', 'Duplicate'),
  bucketNotEmpty: () => new StorageApiError(409, 'ResourceNotEmpty', 'The bucket you tried to delete is not empty'),
  entityTooLarge: () => new StorageApiError(413, 'EntityTooLarge', 'The object exceeded the maximum allowed size', 'Payload too large'),
  invalidMimeType: (mime: string) => new StorageApiError(415, 'InvalidMimeType', `mime type ${mime} is not supported`, 'invalid_mime_type'),
  invalidJwt: (message = 'Invalid JWT') => new StorageApiError(400, 'InvalidJWT', message),
  invalidSignature: (message = 'Invalid signature') => new StorageApiError(400, 'InvalidSignature', message),
  invalidRequest: (message: string) => new StorageApiError(400, 'InvalidRequest', message),
  invalidParameter: (message: string) => new StorageApiError(400, 'InvalidParameter', message),
  noContent: () => new StorageApiError(400, 'InvalidRequest', 'No content provided'),
  invalidFileSizeLimit: () =>
    new StorageApiError(400, 'InvalidRequest', 'Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B'),
  invalidRange: () => new StorageApiError(416, 'InvalidRange', 'invalid range provided', 'invalid_range', 416),
  internal: (message = 'Internal server error') => new StorageApiError(500, 'InternalError', message),
};

/** Postgres errors as Storage maps them: RLS refusals, unique violations, bad values. */
export function fromDbError(e: unknown): StorageApiError | undefined {
  if (!isPgError(e)) return undefined;
  switch (e.code) {
    case '42501':
      return errors.accessDenied(e.message.includes('row-level security') ? 'new row violates row-level security policy' : e.message);
    case '23505':
      return errors.duplicate();
    case '22P02':
    case '22021': // a NUL or invalid UTF-8 in a bucket id, key or prefix: bad input, not a crash
      return errors.invalidParameter('Invalid Parameter value');
    default:
      return undefined;
  }
}

// The multipart parser's (busboy / dicer) errors for a form that ends before its closing boundary.
const TRUNCATED_FORM = /unexpected end of (multipart data|form)|part terminated early/i;

export function toStorageError(e: unknown): StorageApiError {
  if (e instanceof StorageApiError) return e;
  if (e instanceof Error && TRUNCATED_FORM.test(e.message)) return errors.invalidRequest(e.message);
  return fromDbError(e) ?? errors.internal((e as Error)?.message);
}
