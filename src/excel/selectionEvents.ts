/** Hearing about the user's selection: the task pane follows it so that the range it shows is the range selected. */

export interface SelectionWatch {
  /** Removes the handler, in the request context that added it (Microsoft's "Remove an event handler"). */
  stop(): Promise<void>;
}

/** `Excel.run(context, batch)`: runs a batch in a request context an earlier `Excel.run` made. */
export type RunInContext = <T>(
  context: OfficeExtension.ClientRequestContext,
  batch: (ctx: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/**
 * Calls `onChange` after every selection change in the workbook (ExcelApi 1.7). The handler only says "something
 * changed": the caller decides when to look (throttled), so a user dragging across cells never causes a sync per event.
 * The handler is added in `ctx` (one sync); `stop()` removes it with `runIn(registration.context, …)`, since Office
 * needs the context that added a handler to remove it, and that context's own run has ended by then.
 */
export async function watchSelection(
  ctx: Excel.RequestContext,
  onChange: () => void,
  runIn: RunInContext,
): Promise<SelectionWatch> {
  const registration = ctx.workbook.onSelectionChanged.add(async () => {
    onChange();
  });
  await ctx.sync();
  let removal: Promise<void> | null = null;
  return {
    stop: () => {
      removal ??= runIn(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
      return removal;
    },
  };
}
