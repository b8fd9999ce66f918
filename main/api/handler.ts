import type { AppContext } from './context.ts';
import type { OperationName, Output, ParsedInput } from './contract.ts';

export type Handler<N extends OperationName> = (ctx: AppContext, input: ParsedInput<N>) => Output<N> | Promise<Output<N>>;
/** A group of handlers; the full set is checked for completeness in handlers/index.ts. */
export type HandlerMap<K extends OperationName> = { [N in K]: Handler<N> };
