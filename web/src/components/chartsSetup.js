// Only the ECharts parts the console and the portal draw; loaded lazily by EChart.vue.
// Maps (数据大屏's choropleth, the portal's location picker) need the geo parts.
import * as echarts from 'echarts/core'
import { BarChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts'
import {
  GeoComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapContinuousComponent,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([
  BarChart, LineChart, PieChart, MapChart, ScatterChart,
  GeoComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapContinuousComponent,
  CanvasRenderer,
])

export default echarts
