/** `Excel.run` as the pane receives it (a test hands in a fake). */
export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
