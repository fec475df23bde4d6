-- wrk script: cycles through origin/destination pairs on the default network (GET /api/route).
local paths = {
  "/api/route?from=INNSA&to=RUMOW",
  "/api/route?from=INNSA&to=RUMOW&optimize=cost",
  "/api/route?from=INNSA&to=AZBAK",
  "/api/route?from=IRBND&to=RUMOW&optimize=co2",
  "/api/route?from=INNSA&to=NLRTM",
  "/api/route?from=IRTHR&to=RUMOW&cargo=2x20ft",
  "/api/route?from=INNSA&to=RUMOW&avoidCountry=AZ",
  "/api/route?from=IRTHR&to=AZBAK&optimize=generalized",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
