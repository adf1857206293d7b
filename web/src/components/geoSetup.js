// The ECharts parts a map picker needs (a geo component and a marker), without the
// dashboard's charts: the portal loads this when the citizen opens the map.
import * as echarts from 'echarts/core'
import { ScatterChart } from 'echarts/charts'
import { GeoComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([ScatterChart, GeoComponent, CanvasRenderer])

export default echarts
