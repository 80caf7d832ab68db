// The few named failures every layer speaks: not found, gone, forbidden, conflict, invalid input.
// The HTTP layer maps them to statuses in one place; nothing here knows about HTTP.

export class NotFound extends Error {
  override readonly name = 'NotFound';
}

/** The thing existed and was withdrawn (an unpublished article): HTTP 410. */
export class Gone extends Error {
  override readonly name = 'Gone';
}

export class Forbidden extends Error {
  override readonly name = 'Forbidden';
}

export class Conflict extends Error {
  override readonly name = 'Conflict';
}

/** Field-level messages are message keys or plain Arabic sentences, keyed by field name. */
export class InvalidInput extends Error {
  override readonly name = 'InvalidInput';
  constructor(
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
