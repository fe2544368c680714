// Shared by the server and the browser: how a form field's name becomes its element's id.

/**
 * The id of a field's input, from its name ("walkers.0.firstName" → "walkers-0-firstName",
 * "addon:<uuid>" → "addon-<uuid>"); `scope` tells apart the same form shown many times on a page.
 * The field's error is `${id}-error`, its hint `${id}-hint`.
 */
export function fieldId(name: string, scope?: string): string {
  const id = name.replace(/[^A-Za-z0-9_-]/g, "-");
  return scope ? `${id}-${scope}` : id;
}
