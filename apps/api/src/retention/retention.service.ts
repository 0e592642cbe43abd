import { DomainValidationError, RefusalReason } from '@crm/domain';
import {
  RetentionClock,
  RetentionPreviewRow,
  RetentionRepository,
  RetentionRuleCode,
  RetentionRuleRow,
  RetentionRunRow,
  RetentionUnit,
  UserEntity,
} from '@crm/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RetentionQueue } from './retention-queue.service';
import { UpdateRetentionRuleInput } from './retention.models';

/** keep_amount's bounds in the database (retention_rule's check). */
const MAX_KEEP = 1200;
const MAX_REFERENCE_LENGTH = 100;
/**
 * Rules whose window must not be shorter than a year: a person is not anonymised after a few
 * quiet months, and the access log must be there when a person asks who read their data.
 */
const FLOOR_RULES: ReadonlySet<RetentionRuleCode> = new Set([
  RetentionRuleCode.INACTIVE_PERSONS,
  RetentionRuleCode.ACCESS_LOG,
]);
const FLOOR = { [RetentionUnit.MONTHS]: 12, [RetentionUnit.DAYS]: 366 };
const MAX_RUNS = 100;
/**
 * How long the preview may count, in all, within the web request: with half a million persons the
 * evidence checks take seconds, and a preview that hangs would hold a connection and the page.
 */
export const PREVIEW_TIMEOUT_MS = 10_000;

/**
 * Retention (gallring) for the ADMIN: the rules (one transaction and one audit row of field names
 * per change), what the next run would touch, the runs, and starting one (the worker executes it).
 */
@Injectable()
export class RetentionService {
  /** PREVIEW_TIMEOUT_MS; a field so a test can shorten it. */
  previewTimeoutMs = PREVIEW_TIMEOUT_MS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: RetentionClock,
    private readonly queue: RetentionQueue,
  ) {}

  rules(): Promise<RetentionRuleRow[]> {
    return new RetentionRepository(this.dataSource.manager).rules();
  }

  async update(input: UpdateRetentionRuleInput, user: UserEntity): Promise<RetentionRuleRow> {
    const keepAmount = input.keepAmount;
    if (!Number.isInteger(keepAmount) || keepAmount < 1 || keepAmount > MAX_KEEP) {
      throw new DomainValidationError(
        'input.keepAmount',
        `must be an integer from 1 to ${MAX_KEEP}`,
        RefusalReason.OUT_OF_RANGE,
      );
    }
    if (FLOOR_RULES.has(input.code) && keepAmount < FLOOR[input.keepUnit]) {
      throw new DomainValidationError(
        'input.keepAmount',
        `must be at least 12 months (${FLOOR[input.keepUnit]} ${input.keepUnit.toLowerCase()}) for ${input.code}`,
        RefusalReason.BELOW_FLOOR,
      );
    }
    const decisionReference = input.decisionReference?.trim() || null;
    if (decisionReference !== null && [...decisionReference].length > MAX_REFERENCE_LENGTH) {
      throw new DomainValidationError(
        'input.decisionReference',
        `must be at most ${MAX_REFERENCE_LENGTH} characters`,
        RefusalReason.TOO_LONG,
      );
    }
    return this.dataSource.transaction(async (em) => {
      const repository = new RetentionRepository(em);
      const rule = await repository.rule(input.code, true);
      if (!rule) throw new DomainValidationError('input.code', 'no such retention rule');
      if (input.enabled && rule.requiresDecision && decisionReference === null) {
        throw new DomainValidationError(
          'input.decisionReference',
          'is required to enable a rule that culls public records: the reference of the retention decision (gallringsbeslut)',
          RefusalReason.DECISION_REQUIRED,
        );
      }
      const { rule: updated } = await repository.updateRule(
        input.code,
        { keepAmount, keepUnit: input.keepUnit, decisionReference, enabled: input.enabled },
        user.id,
      );
      return updated;
    });
  }

  /** Fails with RetentionPreviewTimeoutError after previewTimeoutMs (a statement timeout, local to its transaction). */
  preview(): Promise<RetentionPreviewRow[]> {
    return this.dataSource.transaction('REPEATABLE READ', (em) =>
      new RetentionRepository(em).preview(this.clock.now(), this.previewTimeoutMs),
    );
  }

  runs(first: number): Promise<RetentionRunRow[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_RUNS) {
      throw new DomainValidationError(
        'first',
        `must be an integer from 1 to ${MAX_RUNS}`,
        RefusalReason.OUT_OF_RANGE,
      );
    }
    return new RetentionRepository(this.dataSource.manager).runs(first);
  }

  /** A manual run as of now (or the run already waiting or running), handed to the worker. */
  async start(user: UserEntity): Promise<RetentionRunRow> {
    const run = await this.dataSource.transaction((em) =>
      new RetentionRepository(em).startManualRun(this.clock.now(), user.id),
    );
    await this.queue.enqueue(run.id);
    return run;
  }
}
