package org.askonce.retrieval;

import java.util.List;

/** A logistic regression: P = 1 / (1 + exp(-(intercept + weights · x))), fitted by L2-regularised gradient descent. */
record Logistic(double intercept, double[] weights) {

    double probability(double[] x) {
        double z = intercept;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Fits to examples {@code x} labelled {@code y}, each counted {@code weight} times. */
    static Logistic fit(List<double[]> x, List<Boolean> y, List<Double> weight, double l2) {
        int n = x.size();
        int d = x.get(0).length;
        double total = weight.stream().mapToDouble(Double::doubleValue).sum();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += weight.get(i) * x.get(i)[j] / total;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                sd[j] += weight.get(i) * Math.pow(x.get(i)[j] - mean[j], 2) / total;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j]) < 1e-9 ? 1 : Math.sqrt(sd[j]);
        }
        double[] w = new double[d];
        double b = 0;
        double rate = 0.5;
        for (int iteration = 0; iteration < 5000; iteration++) {
            double[] gw = new double[d];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double[] xi = x.get(i);
                double z = b;
                for (int j = 0; j < d; j++) {
                    z += w[j] * (xi[j] - mean[j]) / sd[j];
                }
                double err = (1 / (1 + Math.exp(-z)) - (y.get(i) ? 1 : 0)) * weight.get(i) / total;
                gb += err;
                for (int j = 0; j < d; j++) {
                    gw[j] += err * (xi[j] - mean[j]) / sd[j];
                }
            }
            b -= rate * gb;
            for (int j = 0; j < d; j++) {
                w[j] -= rate * (gw[j] + l2 * w[j]);
            }
        }
        double[] raw = new double[d];
        double intercept = b;
        for (int j = 0; j < d; j++) {
            raw[j] = w[j] / sd[j];
            intercept -= raw[j] * mean[j];
        }
        return new Logistic(intercept, raw);
    }
}
