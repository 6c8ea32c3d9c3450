package dev.vigil.bench.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.vigil.bench.synthetic.AttackerModel;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The trade-off as the MEDIUM threshold sweeps: x the mean legitimate user's re-authentication rate (the median
 * moves in steps of one login in the window, too coarse to plot once remembered devices spare most logins), y the
 * share of attacks stepped up or denied, one line per attacker model and checkpoint, the defaults marked.
 */
final class TradeOffChart {

    private static final Map<AttackerModel, Color> COLOURS = Map.of(AttackerModel.NAIVE, new Color(0x1b9e77),
            AttackerModel.VPN, new Color(0x7570b3), AttackerModel.TARGETED, new Color(0xd95f02));

    private TradeOffChart() {
    }

    /** Writes the PNG; {@code sweeps} holds, per checkpoint, the rates from the lowest to the highest threshold. */
    static void write(Path png, Map<Integer, List<Rates>> sweeps, Map<Integer, Rates> defaults, String setting)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("Vigil risk model on synthetic logins, " + setting)
                .xAxisTitle("legitimate logins stepped up, mean over users (%)")
                .yAxisTitle("attacks stepped up or denied (%)").build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(20.0).setYAxisMin(85.0).setYAxisMax(100.0)
                .setChartBackgroundColor(Color.WHITE).setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE)
                .setMarkerSize(9);
        sweeps.forEach((checkpoint, rates) -> {
            for (AttackerModel model : AttackerModel.values()) {
                double[] x = rates.stream().mapToDouble(r -> 100 * r.meanReauthentication()).toArray();
                double[] y = rates.stream().mapToDouble(r -> 100 * r.attacksCaught().get(model)).toArray();
                XYSeries series = chart.addSeries(label(model) + " after " + checkpoint + " logins", x, y);
                series.setMarker(SeriesMarkers.NONE).setLineColor(COLOURS.get(model));
                if (checkpoint != sweeps.keySet().stream().mapToInt(Integer::intValue).min().orElse(0)) {
                    series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {6f, 4f}, 0f));
                }
            }
        });
        defaults.forEach((checkpoint, rates) -> {
            double[] x = new double[AttackerModel.values().length];
            double[] y = new double[x.length];
            for (AttackerModel model : AttackerModel.values()) {
                x[model.ordinal()] = 100 * rates.meanReauthentication();
                y[model.ordinal()] = 100 * rates.attacksCaught().get(model);
            }
            XYSeries series = chart.addSeries("server defaults, after " + checkpoint + " logins", x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(
                    checkpoint == 12 ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE).setMarkerColor(Color.BLACK);
        });
        Files.createDirectories(png.toAbsolutePath().getParent());
        BitmapEncoder.saveBitmap(chart, png.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }

    static String label(AttackerModel model) {
        return switch (model) {
            case NAIVE -> "naive";
            case VPN -> "VPN";
            case TARGETED -> "targeted";
        };
    }
}
