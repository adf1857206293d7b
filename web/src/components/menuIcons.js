// The few icons the side menu uses (imported one by one to keep the bundle small).
export { Headset, Bell, Share, Tickets, PhoneFilled, AlarmClock, Search, Reading, DataLine, User, OfficeBuilding, Collection, Guide, Memo, Timer, Finished, Calendar, EditPen } from '@element-plus/icons-vue'
