// A refusal of the import wizard with an i18n key (`import.errors.*`) and its parameters, so the UI
// shows a translated sentence and unit tests can assert which refusal it was.
export class ImportError extends Error {
  constructor(public readonly key: string, public readonly params: Record<string, unknown> = {}) {
    super(`${key} ${JSON.stringify(params)}`);
  }
}
