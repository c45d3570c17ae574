/**
 * The engine: {@link io.liqvol.engine.LiqvolEngine} runs a Disruptor ring of {@code FrameEvent}s through decode →
 * (journal ∥ aggregate) → publish; {@code StageLayout} decides which stages share a thread and names them
 * ({@code StageThreadFactory}, {@code SequentialStages}); {@code RingInput} claims and publishes slots;
 * {@code WaitStrategies} names the wait strategies; {@code CountingExceptionHandler} counts stage errors.
 * <ul>
 *     <li>API: {@code LiqvolEngine}, {@code EngineContext}, {@code EngineListener}, {@code EngineCounters}, the views
 *     and snapshots of buckets and liquidations, {@code Timeframe}, {@code Side}, {@code Gap}, the importer.</li>
 *     <li>Decode: {@code DecodeStage} runs {@code FrameDecoder}, which tries the strict {@code FrameScanner} first
 *     and falls back to {@code JacksonFrameParser}; both read fields through {@code FieldValues} into
 *     {@code OrderValidator} ({@code TimeWindow}, {@code RejectReason}) and queue orders in {@code PendingBatch},
 *     which interns symbols ({@code SymbolTable}) and drops duplicates ({@code DuplicateFilter}); decimals go
 *     through {@code FixedPoint}.</li>
 *     <li>Aggregate and publish: {@code AggregateStage} adds to {@code BucketStore}, whose bucket pages come from
 *     {@code BucketPages} as {@code BucketDescriptor} lays them out (off-heap, {@code Int128} sums);
 *     {@code PublishStage} tells listeners, keeps {@code RecentLiquidations} and sends each bucket
 *     {@code ChangedBuckets} marked once per batch.</li>
 *     <li>Journal side: {@code JournalStage} writes the ring's liquidations to the
 *     {@link io.liqvol.engine.journal journal}, {@code JournalReplay} rebuilds the state above from it,
 *     {@code VolumeQuery} reads history older than the in-memory window from its roll-ups.</li>
 * </ul>
 */
package io.liqvol.engine;
