import { registerEnumType } from 'type-graphql';

export enum McfDeliveryOperation {
  SHIP_NOW = 'SHIP_NOW',
  HOLD = 'HOLD',
}
registerEnumType(McfDeliveryOperation, {
  name: 'McfDeliveryOperation',
  description: 'Ship at once (立即配送) or hold the order (保留订单).',
});

export enum McfDeliveryService {
  STANDARD = 'STANDARD',
  EXPEDITED = 'EXPEDITED',
  PRIORITY = 'PRIORITY',
}
registerEnumType(McfDeliveryService, {
  name: 'McfDeliveryService',
  description: 'Standard (标准配送), expedited (加急配送) or priority (优先配送) delivery.',
});
