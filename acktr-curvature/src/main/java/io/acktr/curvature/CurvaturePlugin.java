package io.acktr.curvature;

import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.AcktrPlugin;
import io.acktr.api.plugin.Registration;
import io.acktr.api.step.StepSizeRuleFactory;
import io.acktr.curvature.cg.ConjugateGradientFisherEstimator;
import io.acktr.curvature.cg.ConjugateGradientSettings;
import io.acktr.curvature.diagonal.DiagonalCurvatureEstimator;
import io.acktr.curvature.diagonal.DiagonalSettings;
import io.acktr.curvature.explicit.ExplicitFisherEstimator;
import io.acktr.curvature.explicit.ExplicitFisherSettings;
import io.acktr.curvature.identity.IdentityCurvatureEstimator;
import io.acktr.curvature.kfac.EkfacCurvatureEstimator;
import io.acktr.curvature.kfac.EkfacSettings;
import io.acktr.curvature.kfac.KfacCurvatureEstimator;
import io.acktr.curvature.kfac.KfacSettings;
import io.acktr.curvature.step.AdamSettings;
import io.acktr.curvature.step.AdamStepRule;
import io.acktr.curvature.step.AdaptiveKlSettings;
import io.acktr.curvature.step.AdaptiveKlStepRule;
import io.acktr.curvature.step.FixedStepRule;
import io.acktr.curvature.step.FixedStepSettings;
import io.acktr.curvature.step.LineSearchSettings;
import io.acktr.curvature.step.LineSearchStepRule;
import io.acktr.curvature.step.RmsPropSettings;
import io.acktr.curvature.step.RmsPropStepRule;
import io.acktr.curvature.step.TrustRegionSettings;
import io.acktr.curvature.step.TrustRegionStepRule;
import java.util.List;

/** The built-in curvature estimators and step-size rules, each under its {@code NAME}. */
public final class CurvaturePlugin implements AcktrPlugin {
    @Override
    public List<Registration<CurvatureEstimatorFactory>> curvatureEstimators() {
        return List.of(
                CurvatureEstimatorFactory.of(KfacCurvatureEstimator.NAME, KfacSettings::from, KfacCurvatureEstimator::new),
                CurvatureEstimatorFactory.of(EkfacCurvatureEstimator.NAME, EkfacSettings::from, EkfacCurvatureEstimator::new),
                CurvatureEstimatorFactory.of(DiagonalCurvatureEstimator.NAME, DiagonalSettings::from, DiagonalCurvatureEstimator::new),
                CurvatureEstimatorFactory.of(ConjugateGradientFisherEstimator.NAME, ConjugateGradientSettings::from,
                        ConjugateGradientFisherEstimator::new),
                CurvatureEstimatorFactory.of(ExplicitFisherEstimator.NAME, ExplicitFisherSettings::from, ExplicitFisherEstimator::new),
                CurvatureEstimatorFactory.of(IdentityCurvatureEstimator.NAME, IdentityCurvatureEstimator::new));
    }

    @Override
    public List<Registration<StepSizeRuleFactory>> stepSizeRules() {
        return List.of(
                StepSizeRuleFactory.of(TrustRegionStepRule.NAME, TrustRegionSettings::from, TrustRegionStepRule::new),
                StepSizeRuleFactory.of(LineSearchStepRule.NAME, LineSearchSettings::from, LineSearchStepRule::new),
                StepSizeRuleFactory.of(FixedStepRule.NAME, FixedStepSettings::from, FixedStepRule::new),
                StepSizeRuleFactory.of(RmsPropStepRule.NAME, RmsPropSettings::from, RmsPropStepRule::new),
                StepSizeRuleFactory.of(AdaptiveKlStepRule.NAME, AdaptiveKlSettings::from, AdaptiveKlStepRule::new),
                StepSizeRuleFactory.of(AdamStepRule.NAME, AdamSettings::from, AdamStepRule::new));
    }
}
