// Storage accepts only S3-safe ASCII in object keys, while people here name files in Chinese. A
// name that is not safe as it is (or that looks like an encoded one) is stored as
// `b64-<base64url of its stem><.ext>` and shown decoded, so every name survives the round trip.
const SAFE_NAME = /^[A-Za-z0-9_!.*'() &$=@;:+,?-]+$/;
const ENCODED = /^b64-([A-Za-z0-9_-]*)(\.[A-Za-z0-9]{1,10})?$/;

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The object name a file called `fileName` is stored under. */
export function toObjectName(fileName: string): string {
  if (SAFE_NAME.test(fileName) && !fileName.startsWith('b64-')) return fileName;
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot) : '';
  const asciiExt = /^\.[A-Za-z0-9]{1,10}$/.test(ext);
  return `b64-${toBase64Url(asciiExt ? fileName.slice(0, dot) : fileName)}${asciiExt ? ext : ''}`;
}

/** The file name people see for a stored object name. */
export function displayName(objectName: string): string {
  const m = ENCODED.exec(objectName);
  if (!m) return objectName;
  try {
    return fromBase64Url(m[1]) + (m[2] ?? '');
  } catch {
    return objectName;
  }
}
