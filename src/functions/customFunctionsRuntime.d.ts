/**
 * The part of the custom-functions runtime these functions use. Excel provides the `CustomFunctions` global in the
 * shared runtime; no @types package for it is installed, so its shape is declared here (after Microsoft's
 * custom-functions-runtime typings). Tests install a fake global with the same shape.
 */
declare namespace CustomFunctions {
  /** An Excel error value a function returns or throws; only #VALUE! and #N/A show their message to the user. */
  class Error {
    constructor(errorCode?: ErrorCode, message?: string);
    code: ErrorCode;
    message?: string;
  }

  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }

  /** What Excel tells a function about the call; parameterAddresses needs @requiresParameterAddresses. */
  interface Invocation {
    address?: string;
    functionName?: string;
    parameterAddresses?: string[];
  }

  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
}
