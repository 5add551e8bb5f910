/**
 * The fields of the proposal page's comment form, each named by the dotted path of the JSON field
 * it fills. Its own module: the API route that reads the form needs the names, not the page.
 */
export const COMMENT_FORM_FIELDS = [
  'body',
  'itemId',
  'author.name',
  'author.organization',
  'author.email',
  'notify',
] as const;

/** What a ticked checkbox posts. */
export const CHECKED = 'on';
