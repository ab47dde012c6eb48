package io.acktr.api.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface of acktr-api that plugins implement: environments and their providers,
 * policies and their factories, action distributions, curvature estimators, step-size rules and
 * their factories, training listeners. A marked interface evolves compatibly: a new method comes
 * with a default, and a method is removed only after a release in which it is deprecated.
 *
 * <p>The rule, checked by the architecture test of acktr-architecture on the production classes of
 * every module:
 * <ul>
 *   <li>a public interface in {@code io.acktr.api} or a package below it that some class outside
 *       those packages implements or extends, directly or through other types, carries this
 *       annotation; acktr's own plugin modules count as outside, as a third party's would;</li>
 *   <li>nothing else carries it: only public interfaces in {@code io.acktr.api} and below.</li>
 * </ul>
 * Records, enums, final classes and sealed interfaces of the api are values that plugins receive
 * and return; they are never marked. The check sees classes, not lambdas, so a functional
 * interface that only lambdas implement outside the api (a callback such as
 * {@code io.acktr.api.step.StepEvaluator}) needs the mark only once a class implements it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExtensionPoint {
}
