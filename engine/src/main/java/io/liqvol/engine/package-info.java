/**
 * The engine: {@link io.liqvol.engine.LiqvolEngine} runs a Disruptor ring of {@code FrameEvent}s through decode →
 * (journal ∥ aggregate) → publish; {@code StageLayout} decides which stages share a thread.
 * <ul>
 *     <li>API: {@code LiqvolEngine}, {@code EngineContext}, {@code EngineListener}, {@code EngineCounters}, the views
 *     and snapshots of buckets and liquidations, {@code Timeframe}, {@code Side}, {@code Gap}, the importer.</li>
 *     <li>Decode: {@code DecodeStage}, {@code FrameDecoder}, {@code FixedPoint}, {@code SymbolTable},
 *     {@code DuplicateFilter}, {@code RejectReason}.</li>
 *     <li>Aggregate and publish: {@code AggregateStage}, {@code BucketStore} and {@code BucketDescriptor} (off-heap),
 *     {@code Int128}, {@code PublishStage}, {@code RecentLiquidations}.</li>
 *     <li>Journal side: {@code JournalStage} writes the ring's liquidations to the
 *     {@link io.liqvol.engine.journal journal}, {@code JournalReplay} rebuilds the state above from it,
 *     {@code VolumeQuery} reads history older than the in-memory window from its roll-ups.</li>
 * </ul>
 */
package io.liqvol.engine;
