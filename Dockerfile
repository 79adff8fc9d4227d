# SolarDashboard in a container. Not built here (no Docker engine on the development machines); see README "Deployment".
# Build:  docker build -t solardashboard .
# Run:    docker run -p 8080:8080 -v solardashboard-data:/app/data --env-file solardashboard.env solardashboard

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, so a code change does not re-download packages.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/SolarDashboard/SolarDashboard.csproj src/SolarDashboard/
COPY src/SolarDashboard.Core/SolarDashboard.Core.csproj src/SolarDashboard.Core/
COPY src/SolarDashboard.Vendors/SolarDashboard.Vendors.csproj src/SolarDashboard.Vendors/
COPY src/SolarDashboard.Sandbox/SolarDashboard.Sandbox.csproj src/SolarDashboard.Sandbox/
RUN dotnet restore src/SolarDashboard/SolarDashboard.csproj
COPY src/ src/
RUN dotnet publish src/SolarDashboard/SolarDashboard.csproj -c Release --no-restore -o /out

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out .
# The database, the Data Protection keys (which decrypt every stored secret) and nothing else live in /app/data:
# mount a volume there and back it up as a whole.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
    SolarDashboard__DataDirectory=/app/data
VOLUME /app/data
EXPOSE 8080
# The image's non-root user (uid 1654) owns the data folder.
RUN mkdir -p /app/data && chown 1654 /app/data
USER 1654
ENTRYPOINT ["dotnet", "SolarDashboard.dll"]
