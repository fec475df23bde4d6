-- wrk script: a mixed load on the default network. Per cycle of 20 requests: 10 best routes (GET,
-- 8 OD pairs and objectives), 3 best routes as JSON POSTs, 2 alternatives (k=3), 2 place
-- searches, 1 network summary, 1 health check, 1 CSV route.
local gets = {
  "/api/route?from=INNSA&to=RUMOW",
  "/api/route?from=INNSA&to=RUMOW&optimize=cost",
  "/api/route?from=INNSA&to=AZBAK",
  "/api/route?from=IRBND&to=RUMOW&optimize=co2",
  "/api/route?from=INNSA&to=NLRTM",
  "/api/route?from=IRTHR&to=RUMOW&cargo=2x20ft",
  "/api/route?from=INNSA&to=RUMOW&avoidCountry=AZ",
  "/api/route?from=IRTHR&to=AZBAK&optimize=generalized",
  "/api/route?from=INNSA&to=RUMOW&year=2030",
  "/api/route?from=IRBND&to=AZBAK",
}
local posts = {
  '{"from":"Mumbai","to":"Baku","year":2030}',
  '{"from":"Nhava Sheva","to":"Moscow","optimize":"cost"}',
  '{"from":"Tehran","to":"Rotterdam","cargo":"2x20ft"}',
}
local others = {
  "/api/alternatives?from=INNSA&to=RUMOW&k=3",
  "/api/alternatives?from=IRTHR&to=AZBAK&k=3&optimize=cost",
  "/api/places?q=mos",
  "/api/places?q=bandar",
  "/api/network/info",
  "/api/health",
  "/api/route?from=INNSA&to=RUMOW&format=csv",
}
local i = 0
request = function()
  i = i % 20 + 1
  if i <= 10 then
    return wrk.format("GET", gets[i])
  elseif i <= 13 then
    return wrk.format("POST", "/api/route", {["Content-Type"] = "application/json"}, posts[i - 10])
  else
    return wrk.format("GET", others[i - 13])
  end
end
