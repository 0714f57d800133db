/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The Amazon region a seller account is registered in. */
export type AmazonRegion =
  /** Europe: IE, ES, UK, FR, BE, NL, DE, IT, SE, ZA, PL, EG, TR, SA, AE, IN. */
  | 'EU'
  /** Far East: SG, AU, JP. */
  | 'FE'
  /** North America: CA, US, MX, BR. */
  | 'NA';

/** Where a shipment-confirmation (标发) task is. DONE means the feed finished, not that every order succeeded: see `results`. */
export type FulfillmentTaskStatus =
  /** The ERP cancelled the task. */
  | 'CANCELLED'
  /** The feed finished; per-order outcomes are in `results`. */
  | 'DONE'
  /** The feed failed as a whole; see `failureReason`. */
  | 'FATAL'
  /** The ERP is submitting the feed to Amazon or waiting for its result. */
  | 'IN_PROCESS'
  /** Queued at the ERP, not yet sent to Amazon. */
  | 'PENDING'
  /** A status this gateway does not know yet; the raw value is in `feedStatusCode`. */
  | 'UNKNOWN';

/** One order to confirm as shipped. */
export type ShipmentConfirmationInput = {
  amazonOrderId: string;
  /** Required: the ERP rejects an empty carrier code. */
  carrierCode: string;
  carrierName: string;
  items: Array<ShipmentConfirmationItemInput>;
  /** The 标发记录id (a positive integer of at most 19 digits, as a string). Generated when omitted. */
  messageId?: string | number | null | undefined;
  shippingService?: string | null | undefined;
  trackingNumber: string;
};

/** One order line to confirm as shipped. */
export type ShipmentConfirmationItemInput = {
  /** Amazon's order item id. */
  orderItemId: string;
  quantity: number;
};

/** Orders to confirm as shipped in one asynchronous ERP task. */
export type SubmitFulfillmentInput = {
  /** A key you choose; a retry with the same key and input returns the first result. */
  idempotencyKey?: string | null | undefined;
  marketplaceId: string;
  region: AmazonRegion;
  /** The Amazon merchant id, e.g. `A1MQMW3JWPNCBX`. */
  sellerId: string;
  shipments: Array<ShipmentConfirmationInput>;
};

/** Why an input was refused. Branch on the code; the message is for people. */
export type UserErrorCode =
  /** A value must be unique within the input. */
  | 'DUPLICATE'
  /** A value is malformed or not allowed. */
  | 'INVALID'
  /** A number is outside its allowed range. */
  | 'OUT_OF_RANGE'
  /** A required value is missing or blank. */
  | 'REQUIRED'
  /** A value or list is longer than allowed. */
  | 'TOO_LONG'
  /** The upstream refused the content of the request. */
  | 'UPSTREAM_REJECTED';

export type SubmitFulfillmentMutationVariables = Exact<{
  input: SubmitFulfillmentInput;
}>;


export type SubmitFulfillmentMutation = { submitFulfillment: { task: { sellerId: string, taskId: string, status: FulfillmentTaskStatus, shipments: Array<{ messageId: string, amazonOrderId: string, trackingNumber: string, items: Array<{ orderItemId: string, quantity: number }> }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type FulfillmentTaskQueryVariables = Exact<{
  sellerId: string;
  taskId: string | number;
}>;


export type FulfillmentTaskQuery = { fulfillmentTask: { taskId: string, status: FulfillmentTaskStatus, failureReason: string | null, feedStatusCode: string | null, shipTime: string | null, summary: { processed: number, successful: number, withError: number, withWarning: number } | null, results: Array<{ messageId: string, resultCode: string, resultMessageCode: string | null, description: string | null, shipment: { messageId: string, amazonOrderId: string } | null }> } | null };

export type FulfillmentTasksQueryVariables = Exact<{
  sellerId: string;
  taskIds: Array<string | number> | string | number;
}>;


export type FulfillmentTasksQuery = { fulfillmentTasks: Array<{ taskId: string, status: FulfillmentTaskStatus, failureReason: string | null } | null> };


export const SubmitFulfillmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitFulfillment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitFulfillmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitFulfillment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"amazonOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderItemId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitFulfillmentMutation, SubmitFulfillmentMutationVariables>;
export const FulfillmentTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FulfillmentTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fulfillmentTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"taskId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"feedStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"shipTime"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"successful"}},{"kind":"Field","name":{"kind":"Name","value":"withError"}},{"kind":"Field","name":{"kind":"Name","value":"withWarning"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"resultCode"}},{"kind":"Field","name":{"kind":"Name","value":"resultMessageCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"shipment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"amazonOrderId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FulfillmentTaskQuery, FulfillmentTaskQueryVariables>;
export const FulfillmentTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FulfillmentTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fulfillmentTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"taskIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}}]}}]} as unknown as DocumentNode<FulfillmentTasksQuery, FulfillmentTasksQueryVariables>;