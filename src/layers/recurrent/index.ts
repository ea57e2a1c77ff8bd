/** Recurrent layers (SimpleRNN, LSTM, GRU), their wrappers (Bidirectional, TimeDistributed) and timestep masks. */
export { RNNLayer, type RNNArgs, type GatedRNNArgs, type RNNCallOptions } from "./rnn-layer";
export { SimpleRNN, simpleRNN } from "./simple-rnn";
export { LSTM, lstm, type LSTMArgs } from "./lstm";
export { GRU, gru, type GRUArgs } from "./gru";
export {
  LSTMCell, GRUCell, SimpleRNNCell, lstmCell, gruCell, simpleRNNCell, type LSTMCellArgs, type GRUCellArgs, type SimpleRNNCellArgs,
  type RecurrentLoopOptions, type RecurrentCell,
} from "./cells";
export { Bidirectional, bidirectional, type BidirectionalArgs, type MergeMode } from "./bidirectional";
export { TimeDistributed, timeDistributed, type TimeDistributedArgs } from "./time-distributed";
export { RepeatVector, repeatVector, type RepeatVectorArgs } from "./repeat-vector";
export { Wrapper } from "./wrapper";
export { getSequenceMask, setSequenceMask, passSequenceMask, type SequenceMask } from "./sequence-mask";
