/**
 * Calls the user's handler, then ours unless the user called `event.preventDefault()`
 * (Radix `composeEventHandlers`), so a user handler never silently replaces ours.
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event: E) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}
