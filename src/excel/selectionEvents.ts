/** Hearing about the user's selection: the task pane follows it so that the range it shows is the range selected. */

export interface SelectionWatch {
  /** Removes the handler (in the context it was added in, as Office requires). */
  stop(): Promise<void>;
}

/**
 * Calls `onChange` after every selection change in the workbook (ExcelApi 1.7). The handler only says "something
 * changed": the caller decides when to look (throttled), so a user dragging across cells never causes a sync per event.
 */
export async function watchSelection(ctx: Excel.RequestContext, onChange: () => void): Promise<SelectionWatch> {
  const registration = ctx.workbook.onSelectionChanged.add(async () => {
    onChange();
  });
  await ctx.sync();
  return {
    stop: async () => {
      registration.remove();
      await registration.context.sync();
    },
  };
}
