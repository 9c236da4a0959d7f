import { PipelineDefinitionError } from './errors';
import { Primitive, RenderContext, Value, renderValue } from './expressions';

type ComparisonType = 'GreaterThan' | 'GreaterThanOrEqualTo' | 'LessThan' | 'LessThanOrEqualTo' | 'Equals' | 'NotEquals';

const NEGATED: Record<ComparisonType, ComparisonType> = {
  GreaterThan: 'LessThanOrEqualTo',
  LessThanOrEqualTo: 'GreaterThan',
  LessThan: 'GreaterThanOrEqualTo',
  GreaterThanOrEqualTo: 'LessThan',
  Equals: 'NotEquals',
  NotEquals: 'Equals',
};

const SYMBOL: Record<ComparisonType, string> = {
  GreaterThan: '>', GreaterThanOrEqualTo: '>=', LessThan: '<', LessThanOrEqualTo: '<=', Equals: '==', NotEquals: '!=',
};

/**
 * A condition of a condition step. The conditions of one step must all hold (and).
 *
 * Everything is written as comparisons and `Or` of comparisons, the forms the definition schema
 * and SageMaker's own SDK write alike. `not()` is written in those terms (`not(a >= b)` is
 * `a < b`, `not(or(a, b))` is `not(a)` and `not(b)`), and so is `in()`: `in(x, [a, b])` is
 * `Or(x == a, x == b)`, its negation `x != a` and `x != b`. The schema's `In` condition
 * (`Value`, `In`) is not written: the SageMaker Python SDK sends `In` with `QueryValue` and
 * `Values` instead (`ConditionIn.to_request`, used by its pipeline integration tests), and
 * CreatePipeline refuses a condition property it does not know ("Unable to parse pipeline
 * definition ... unknown property", aws/sagemaker-python-sdk#2746), so one of the two shapes is
 * refused; the comparisons are accepted in both.
 */
export abstract class Condition {
  public static greaterThan(left: Value<Primitive>, right: Value<Primitive>): Condition {
    return new Comparison('GreaterThan', left, right);
  }
  public static greaterThanOrEqualTo(left: Value<Primitive>, right: Value<Primitive>): Condition {
    return new Comparison('GreaterThanOrEqualTo', left, right);
  }
  public static lessThan(left: Value<Primitive>, right: Value<Primitive>): Condition {
    return new Comparison('LessThan', left, right);
  }
  public static lessThanOrEqualTo(left: Value<Primitive>, right: Value<Primitive>): Condition {
    return new Comparison('LessThanOrEqualTo', left, right);
  }
  public static equals(left: Value<Primitive>, right: Value<Primitive>): Condition {
    return new Comparison('Equals', left, right);
  }
  public static notEquals(left: Value<Primitive>, right: Value<Primitive>): Condition {
    return new Comparison('NotEquals', left, right);
  }
  /** `value` is one of `values`. */
  public static in(value: Value<Primitive>, values: readonly Value<Primitive>[]): Condition {
    return new Membership(false, value, values);
  }
  /** At least one of `conditions` holds. */
  public static or(...conditions: Condition[]): Condition {
    return new Junction('Or', conditions);
  }
  /** Every one of `conditions` holds. */
  public static and(...conditions: Condition[]): Condition {
    return new Junction('And', conditions);
  }
  /** `condition` does not hold. */
  public static not(condition: Condition): Condition {
    return condition.negate();
  }

  /** @internal */
  public abstract negate(): Condition;
  /** @internal The schema's form of this condition, as items of a list that must all hold. */
  public abstract renderAll(ctx: RenderContext): unknown[];
  /** @internal This condition as one item of an `Or`. */
  public abstract renderAny(ctx: RenderContext): unknown[];
  public abstract toString(): string;
}

class Comparison extends Condition {
  constructor(private readonly type: ComparisonType, private readonly left: Value<Primitive>, private readonly right: Value<Primitive>) {
    super();
    checkOperand(this.toString(), left);
    checkOperand(this.toString(), right);
  }
  public negate(): Condition {
    return new Comparison(NEGATED[this.type], this.left, this.right);
  }
  public renderAll(ctx: RenderContext): unknown[] {
    return [{ Type: this.type, LeftValue: renderValue(this.left, ctx), RightValue: renderValue(this.right, ctx) }];
  }
  public renderAny(ctx: RenderContext): unknown[] {
    return this.renderAll(ctx);
  }
  public toString(): string {
    return `${String(this.left)} ${SYMBOL[this.type]} ${String(this.right)}`;
  }
}

class Membership extends Condition {
  constructor(private readonly negated: boolean, private readonly value: Value<Primitive>, private readonly values: readonly Value<Primitive>[]) {
    super();
    checkOperand(this.toString(), value);
    if (!Array.isArray(values) || values.length === 0) {
      throw new PipelineDefinitionError(`condition ${String(value)} in [...] needs at least one value to compare with`);
    }
    values.forEach((v) => checkOperand(this.toString(), v));
  }
  public negate(): Condition {
    return new Membership(!this.negated, this.value, this.values);
  }
  /** One comparison per value: `value == v` (in), `value != v` (not in). */
  private comparisons(ctx: RenderContext): unknown[] {
    return this.values.map((v) => new Comparison(this.negated ? 'NotEquals' : 'Equals', this.value, v).renderAll(ctx)[0]);
  }
  public renderAll(ctx: RenderContext): unknown[] {
    // not in: every inequality holds (a step's conditions are and-ed); in: one Or of the equalities.
    return this.negated || this.values.length === 1 ? this.comparisons(ctx) : [{ Type: 'Or', Conditions: this.comparisons(ctx) }];
  }
  public renderAny(ctx: RenderContext): unknown[] {
    if (!this.negated || this.values.length === 1) {
      return this.comparisons(ctx);
    }
    throw new PipelineDefinitionError(
      `condition ${this.toString()} cannot be written in a SageMaker pipeline definition inside an or(): it is an and() of ${this.values.length} inequalities, and an Or may hold only comparisons`,
    );
  }
  public toString(): string {
    return `${String(this.value)} ${this.negated ? 'not in' : 'in'} [${this.values.map(String).join(', ')}]`;
  }
}

class Junction extends Condition {
  constructor(private readonly kind: 'And' | 'Or', private readonly conditions: readonly Condition[]) {
    super();
    if (conditions.length === 0 || conditions.some((c) => !(c instanceof Condition))) {
      throw new PipelineDefinitionError(`${kind.toLowerCase()}() needs one or more conditions`);
    }
  }
  public negate(): Condition {
    return new Junction(this.kind === 'And' ? 'Or' : 'And', this.conditions.map((c) => c.negate()));
  }
  public renderAll(ctx: RenderContext): unknown[] {
    if (this.kind === 'And') {
      return this.conditions.flatMap((c) => c.renderAll(ctx));
    }
    return [{ Type: 'Or', Conditions: this.conditions.flatMap((c) => c.renderAny(ctx)) }];
  }
  public renderAny(ctx: RenderContext): unknown[] {
    if (this.kind === 'Or') {
      return this.conditions.flatMap((c) => c.renderAny(ctx));
    }
    if (this.conditions.length === 1) {
      return this.conditions[0].renderAny(ctx);
    }
    throw new PipelineDefinitionError(
      `condition ${this.toString()} cannot be written in a SageMaker pipeline definition: an Or may hold comparisons, not an and() of several`,
    );
  }
  public toString(): string {
    return `${this.kind.toLowerCase()}(${this.conditions.map(String).join(', ')})`;
  }
}

function checkOperand(condition: string, value: unknown): void {
  if (!['string', 'number', 'boolean'].includes(typeof value) && !(typeof value === 'object' && value !== null && 'render' in value)) {
    throw new PipelineDefinitionError(`condition ${condition}: an operand must be a string, number, boolean or pipeline expression, got ${JSON.stringify(value)}`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new PipelineDefinitionError(`condition ${condition}: ${value} is not a number SageMaker can compare`);
  }
}
